using AiNative.Portal.Client.Contracts.Audit;
using AiNative.Portal.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiNative.Portal.Audit;

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        var team = endpoints.MapTeamGroup("audit", "Audit");
        team.MapGet("", ListTeamAsync)
            .WithName("ListTeamAudit")
            .WithSummary("The team's audit trail, newest first, filtered by user, kind of object and time");
        team.MapGet("choices", TeamChoicesAsync)
            .WithName("ListTeamAuditChoices")
            .WithSummary("The users and kinds of object in the team's audit trail, for filters");

        var portal = endpoints.MapAdminGroup("audit", "Administration");
        portal.MapGet("", ListPortalAsync)
            .WithName("ListPortalAudit")
            .WithSummary("The portal-wide audit trail (teams, accounts, access tokens), newest first");
        portal.MapGet("choices", PortalChoicesAsync)
            .WithName("ListPortalAuditChoices")
            .WithSummary("The users and kinds of object in the portal-wide audit trail, for filters");
        return endpoints;
    }

    private static async Task<Ok<AuditPageDto>> ListTeamAsync([AsParameters] AuditQueryDto query, IAuditApi audit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.ListTeamAsync(query, cancellationToken));

    private static async Task<Ok<AuditChoicesDto>> TeamChoicesAsync(IAuditApi audit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.TeamChoicesAsync(cancellationToken));

    private static async Task<Ok<AuditPageDto>> ListPortalAsync([AsParameters] AuditQueryDto query, IAuditApi audit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.ListPortalAsync(query, cancellationToken));

    private static async Task<Ok<AuditChoicesDto>> PortalChoicesAsync(IAuditApi audit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.PortalChoicesAsync(cancellationToken));
}

using AiNative.Portal.Client.Contracts.Session;
using AiNative.Portal.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiNative.Portal.Teams;

public static class SessionEndpoints
{
    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder endpoints)
    {
        var session = endpoints.MapGroup($"{ApiRoutes.Root}/session").RequireAuthorization().WithTags("Session");
        session.MapGet("", GetAsync)
            .WithName("GetSession")
            .WithSummary("Who is signed in, their teams, and the current team");
        session.MapPost("team", SwitchTeamAsync)
            .WithName("SwitchTeam")
            .WithSummary("Make another of the caller's teams the current one");
        return endpoints;
    }

    private static async Task<Ok<SessionDto>> GetAsync(ISessionApi sessions, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sessions.GetAsync(cancellationToken));

    private static async Task<NoContent> SwitchTeamAsync(SwitchTeamRequest request, ISessionApi sessions, CancellationToken cancellationToken)
    {
        await sessions.SwitchTeamAsync(request.TeamId, cancellationToken);
        return TypedResults.NoContent();
    }
}

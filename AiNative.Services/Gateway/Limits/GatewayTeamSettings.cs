using AiNative.Services.Data;
using AiNative.Services.Gateway.Keys;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Gateway.Limits;

/// <summary>
/// The per-minute limits all of a team's gateway keys share: anyone in the team reads them, owners change them.
/// Keys carry them from the access cache, which the change to the team empties, so they count from the next request.
/// </summary>
public sealed class GatewayTeamSettings(IDbContextFactory<PortalDbContext> dbFactory, TeamContext team, AuditTrail audit)
{
    public async Task<GatewayTeamLimits> GetLimitsAsync(CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Teams.Where(t => t.Id == team.TeamId)
            .Select(t => new GatewayTeamLimits(t.GatewayRequestsPerMinute, t.GatewayTokensPerMinute)).SingleAsync(cancellationToken);
    }

    public async Task<GatewayTeamLimits> SetLimitsAsync(GatewayTeamLimits limits, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Owner);
        new Validation()
            .Require(limits.RequestsPerMinute is null or > 0, "RequestsPerMinute", "Requests per minute must be at least 1, or empty for no limit.")
            .Require(limits.TokensPerMinute is null or > 0, "TokensPerMinute", "Tokens per minute must be at least 1, or empty for no limit.")
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var current = await db.Teams.SingleAsync(t => t.Id == team.TeamId, cancellationToken);
        audit.Record(db, AuditAction.Updated, "Team", current.Id, current.Name, AuditTrail.Changes(
            ("gateway requests per minute", current.GatewayRequestsPerMinute, limits.RequestsPerMinute),
            ("gateway tokens per minute", current.GatewayTokensPerMinute, limits.TokensPerMinute)));
        current.GatewayRequestsPerMinute = limits.RequestsPerMinute;
        current.GatewayTokensPerMinute = limits.TokensPerMinute;
        await db.SaveChangesAsync(cancellationToken);
        return limits;
    }
}

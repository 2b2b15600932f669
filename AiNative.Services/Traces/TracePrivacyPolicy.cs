using AiNative.Services.Data;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Traces;

/// <summary>The current team's <see cref="TracePrivacy"/>: anyone in the team may read it, owners change it.</summary>
public sealed class TracePrivacyPolicy(IDbContextFactory<PortalDbContext> dbFactory, TeamContext team, TracePrivacySettings settings, AuditTrail audit)
{
    public ValueTask<TracePrivacy> GetAsync(CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        return settings.GetAsync(team.TeamId, cancellationToken);
    }

    /// <summary>Applies from the next trace on; traces already kept stay as they are.</summary>
    public async Task SetAsync(TracePrivacy privacy, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Owner);
        new Validation().Require(Enum.IsDefined(privacy), "Privacy", "Choose full, metadata only or none.").ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var current = await db.Teams.SingleAsync(t => t.Id == team.TeamId, cancellationToken);
        var before = current.TracePrivacy;
        current.TracePrivacy = privacy;
        audit.Record(db, AuditAction.Updated, "Team", current.Id, current.Name, AuditTrail.Changes(("trace content kept", before, privacy)));
        await db.SaveChangesAsync(cancellationToken);
        settings.Invalidate(team.TeamId);
    }
}

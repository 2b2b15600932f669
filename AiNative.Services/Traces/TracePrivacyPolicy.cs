using AiNative.Services.Data;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Traces;

/// <summary>
/// The current team's <see cref="TracePrivacy"/> and how long traces keep their content: anyone in the team
/// may read them, owners change them.
/// </summary>
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

    public const int MaxRetentionDays = 3650;

    /// <summary>After how many days traces lose their content; null keeps it.</summary>
    public async Task<int?> GetContentRetentionAsync(CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Teams.Where(t => t.Id == team.TeamId).Select(t => t.TraceContentRetentionDays).SingleAsync(cancellationToken);
    }

    /// <summary>Applies to every trace, those already kept too, at the next round of <see cref="Retention.TraceContentRetention"/>.</summary>
    public async Task SetContentRetentionAsync(int? days, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Owner);
        new Validation()
            .Require(days is null or > 0 and <= MaxRetentionDays, "Days", $"Keep content between 1 and {MaxRetentionDays:N0} days, or empty to keep it.")
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var current = await db.Teams.SingleAsync(t => t.Id == team.TeamId, cancellationToken);
        audit.Record(db, AuditAction.Updated, "Team", current.Id, current.Name,
            AuditTrail.Changes(("trace content kept for (days)", current.TraceContentRetentionDays, days)));
        current.TraceContentRetentionDays = days;
        await db.SaveChangesAsync(cancellationToken);
    }
}

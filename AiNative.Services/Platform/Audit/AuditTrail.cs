using AiNative.Services.Data;
using AiNative.Services.Teams;

namespace AiNative.Services.Platform.Audit;

/// <summary>
/// Adds audit entries to the same unit of work as the change they describe, so a change and its
/// record are saved together or not at all.
/// </summary>
public sealed class AuditTrail(TeamContext team, TimeProvider clock)
{
    /// <summary>The longest summary kept; longer ones are cut, never split across entries.</summary>
    public const int MaxSummaryLength = 4000;

    /// <summary>Records a change in the scope's team, by the scope's caller.</summary>
    public void Record(PortalDbContext db, AuditAction action, string objectKind, object? objectId, string objectName, string summary) =>
        Record(db, team.IsEntered ? team.TeamId : null, team.IsEntered ? team.Actor : Actor.System, action, objectKind, objectId, objectName, summary);

    /// <summary>
    /// Records a change with an explicit team and actor: portal-wide changes (<paramref name="teamId"/>
    /// null: teams, users, access tokens) and changes an administrator makes to a team they are not in.
    /// </summary>
    public void Record(PortalDbContext db, Guid? teamId, Actor actor, AuditAction action, string objectKind, object? objectId, string objectName, string summary) =>
        db.AuditEntries.Add(new AuditEntry
        {
            TeamId = teamId,
            At = clock.GetUtcNow(),
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Action = action,
            ObjectKind = objectKind,
            ObjectId = objectId?.ToString(),
            ObjectName = objectName,
            Summary = summary.Length <= MaxSummaryLength ? summary : summary[..(MaxSummaryLength - 1)] + "…",
        });

    /// <summary>"name: old → new; price: 1 → 2" for the fields that changed.</summary>
    public static string Changes(params (string Field, object? Before, object? After)[] fields)
    {
        var changed = fields.Where(f => !Equals(f.Before, f.After)).Select(f => $"{f.Field}: {f.Before ?? "—"} → {f.After ?? "—"}");
        var summary = string.Join("; ", changed);
        return summary.Length == 0 ? "no changes" : summary;
    }
}

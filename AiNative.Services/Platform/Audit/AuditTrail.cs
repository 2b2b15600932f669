using AiNative.Services.Data;
using AiNative.Services.Teams;

namespace AiNative.Services.Platform.Audit;

/// <summary>
/// Adds audit entries to the same unit of work as the change they describe, so a change and its
/// record are saved together or not at all.
/// </summary>
public sealed class AuditTrail(TeamContext team, TimeProvider clock)
{
    public void Record(PortalDbContext db, AuditAction action, string objectKind, object? objectId, string objectName, string summary) =>
        db.AuditEntries.Add(new AuditEntry
        {
            TeamId = team.IsEntered ? team.TeamId : null,
            At = clock.GetUtcNow(),
            ActorId = team.IsEntered ? team.Actor.UserId : null,
            ActorName = team.IsEntered ? team.Actor.Name : Actor.System.Name,
            Action = action,
            ObjectKind = objectKind,
            ObjectId = objectId?.ToString(),
            ObjectName = objectName,
            Summary = summary,
        });

    /// <summary>"name: old → new; price: 1 → 2" for the fields that changed.</summary>
    public static string Changes(params (string Field, object? Before, object? After)[] fields)
    {
        var changed = fields.Where(f => !Equals(f.Before, f.After)).Select(f => $"{f.Field}: {f.Before ?? "—"} → {f.After ?? "—"}");
        var summary = string.Join("; ", changed);
        return summary.Length == 0 ? "no changes" : summary;
    }
}

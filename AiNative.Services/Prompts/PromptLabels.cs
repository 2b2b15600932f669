using AiNative.Services.Data;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Prompts;

/// <summary>Points a prompt's labels at versions: create, move, delete.</summary>
public sealed class PromptLabels(
    IDbContextFactory<PortalDbContext> dbFactory,
    TeamContext team,
    AuditTrail audit,
    TimeProvider clock)
{
    public const string AuditKind = "PromptLabel";

    /// <summary>Points the label at version <paramref name="versionNumber"/>, creating the label if it is new.</summary>
    public async Task<PromptLabel> MoveAsync(Guid promptId, string name, int versionNumber, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        if (LabelNames.Problem(name) is { } problem)
        {
            throw new ValidationFailedException("Name", problem);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var prompt = await db.Prompts.SingleOrDefaultAsync(p => p.Id == promptId, cancellationToken)
            ?? throw new NotFoundException(PromptRegistry.AuditKind, promptId);
        var version = await db.PromptVersions.SingleOrDefaultAsync(v => v.PromptId == promptId && v.Number == versionNumber, cancellationToken)
            ?? throw new ValidationFailedException("Version", $"'{prompt.Name}' has no version {versionNumber}. Pick one of its versions.");
        var label = await db.PromptLabels.Include(l => l.Version)
            .SingleOrDefaultAsync(l => l.PromptId == promptId && l.Name == name, cancellationToken);

        var now = clock.GetUtcNow();
        if (label is null)
        {
            label = new PromptLabel { PromptId = promptId, Name = name, VersionId = version.Id, UpdatedAt = now };
            db.PromptLabels.Add(label);
            audit.Record(db, AuditAction.Created, AuditKind, label.Id, $"{prompt.Name}: {name}", $"points at v{versionNumber}");
            prompt.UpdatedAt = now;
        }
        else if (label.VersionId != version.Id)
        {
            audit.Record(db, AuditAction.Updated, AuditKind, label.Id, $"{prompt.Name}: {name}", $"moved from v{label.Version.Number} to v{versionNumber}");
            label.VersionId = version.Id;
            label.UpdatedAt = now;
            prompt.UpdatedAt = now;
        }

        label.Version = version;
        await db.SaveChangesAsync(cancellationToken);
        return label;
    }

    public async Task DeleteAsync(Guid promptId, string name, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var label = await db.PromptLabels.Include(l => l.Prompt).Include(l => l.Version)
            .SingleOrDefaultAsync(l => l.PromptId == promptId && l.Name == name, cancellationToken)
            ?? throw new NotFoundException("Label", name);
        db.PromptLabels.Remove(label);
        label.Prompt.UpdatedAt = clock.GetUtcNow();
        audit.Record(db, AuditAction.Deleted, AuditKind, label.Id, $"{label.Prompt.Name}: {name}", $"pointed at v{label.Version.Number}");
        await db.SaveChangesAsync(cancellationToken);
    }
}

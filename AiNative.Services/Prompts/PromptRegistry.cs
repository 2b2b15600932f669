using AiNative.Services.Data;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Prompts;

/// <summary>The team's prompts: list, read, create, rename and delete.</summary>
public sealed class PromptRegistry(
    IDbContextFactory<PortalDbContext> dbFactory,
    TeamContext team,
    AuditTrail audit,
    TimeProvider clock)
{
    public const string AuditKind = "Prompt";

    public async Task<IReadOnlyList<PromptSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Prompts.AsNoTracking()
            .OrderBy(p => p.Name)
            .Select(p => new PromptSummary(
                p.Id,
                p.Name,
                p.Description,
                p.Versions.Max(v => (int?)v.Number),
                p.Labels.OrderBy(l => l.Name).Select(l => new LabelPointer(l.Name, l.Version.Number)).ToList(),
                p.UpdatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The prompt with its versions (newest first, with their models) and labels.</summary>
    public async Task<Prompt> GetAsync(Guid promptId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Prompts.AsNoTracking().AsSplitQuery()
            .Include(p => p.Versions.OrderByDescending(v => v.Number)).ThenInclude(v => v.Model)
            .Include(p => p.Labels.OrderBy(l => l.Name)).ThenInclude(l => l.Version)
            .SingleOrDefaultAsync(p => p.Id == promptId, cancellationToken)
            ?? throw new NotFoundException(AuditKind, promptId);
    }

    public async Task<Prompt> CreateAsync(string name, string? description, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        Validate(name, description);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Prompts.EnsureNameFreeAsync(name.Trim(), null, () => NameTaken(name.Trim()), cancellationToken);

        var now = clock.GetUtcNow();
        var prompt = new Prompt { Name = name.Trim(), Description = Clean(description), CreatedAt = now, UpdatedAt = now };
        db.Prompts.Add(prompt);
        audit.Record(db, AuditAction.Created, AuditKind, prompt.Id, prompt.Name, "created");
        await db.SaveUniqueAsync(e => NameTaken(prompt.Name, e), cancellationToken);
        return prompt;
    }

    public async Task<Prompt> UpdateAsync(Guid promptId, string name, string? description, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        Validate(name, description);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var prompt = await db.Prompts.SingleOrDefaultAsync(p => p.Id == promptId, cancellationToken)
            ?? throw new NotFoundException(AuditKind, promptId);
        await db.Prompts.EnsureNameFreeAsync(name.Trim(), promptId, () => NameTaken(name.Trim()), cancellationToken);

        var summary = AuditTrail.Changes(("name", prompt.Name, name.Trim()), ("description", prompt.Description, Clean(description)));
        prompt.Name = name.Trim();
        prompt.Description = Clean(description);
        prompt.UpdatedAt = clock.GetUtcNow();
        audit.Record(db, AuditAction.Updated, AuditKind, prompt.Id, prompt.Name, summary);
        await db.SaveUniqueAsync(e => NameTaken(prompt.Name, e), cancellationToken);
        return prompt;
    }

    /// <summary>Deletes the prompt with all its versions and labels.</summary>
    public async Task DeleteAsync(Guid promptId, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var prompt = await db.Prompts.SingleOrDefaultAsync(p => p.Id == promptId, cancellationToken)
            ?? throw new NotFoundException(AuditKind, promptId);
        var versions = await db.PromptVersions.CountAsync(v => v.PromptId == promptId, cancellationToken);
        db.Prompts.Remove(prompt);
        audit.Record(db, AuditAction.Deleted, AuditKind, prompt.Id, prompt.Name, $"deleted with {versions} version(s)");
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Validate(string? name, string? description) =>
        new Validation()
            .RequireText(name, "Name", PromptRules.NameMaxLength)
            .Require((description?.Length ?? 0) <= PromptRules.DescriptionMaxLength, "Description",
                $"The description must be at most {PromptRules.DescriptionMaxLength} characters.")
            .ThrowIfInvalid();

    private static ConflictException NameTaken(string name, Exception? inner = null) =>
        new($"A prompt named '{name}' already exists in this team. Choose another name, or open the existing prompt.", inner);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

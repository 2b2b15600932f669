using AiNative.Services.Data;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Traces.Scoring;

/// <summary>The scores a team collects: defined once, used by people, applications and evaluators alike.</summary>
public sealed class ScoreDefinitions(IDbContextFactory<PortalDbContext> dbFactory, TeamContext team, AuditTrail audit, TimeProvider clock)
{
    private const string AuditKind = "Score definition";

    public async Task<IReadOnlyList<ScoreDefinition>> ListAsync(CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ScoreDefinitions.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);
    }

    public async Task<ScoreDefinition> CreateAsync(ScoreDefinitionInput input, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        var categories = input.Categories.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        new Validation()
            .RequireText(input.Name, "Name", TraceRules.ScoreNameMaxLength)
            .Require(Enum.IsDefined(input.DataType), "DataType", "Choose numeric, boolean or categorical.")
            .Require(input.DataType != ScoreDataType.Numeric || input.Minimum is null || input.Maximum is null || input.Minimum < input.Maximum,
                "Maximum", "The maximum must be greater than the minimum.")
            .Require(input.DataType != ScoreDataType.Categorical || categories.Count >= 2, "Categories", "A categorical score needs at least two categories.")
            .Require(categories.All(c => c.Length <= TraceRules.CategoryMaxLength), "Categories", $"Each category must be at most {TraceRules.CategoryMaxLength} characters.")
            .Require((input.Description?.Length ?? 0) <= 500, "Description", "The description must be at most 500 characters.")
            .ThrowIfInvalid();
        var name = input.Name!.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.ScoreDefinitions.EnsureNameFreeAsync(name, null, () => NameTaken(name), cancellationToken);
        var definition = new ScoreDefinition
        {
            Name = name,
            Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim(),
            DataType = input.DataType,
            Minimum = input.DataType == ScoreDataType.Numeric ? input.Minimum : null,
            Maximum = input.DataType == ScoreDataType.Numeric ? input.Maximum : null,
            Categories = input.DataType == ScoreDataType.Categorical ? categories : [],
            CreatedAt = clock.GetUtcNow(),
        };
        db.ScoreDefinitions.Add(definition);
        audit.Record(db, AuditAction.Created, AuditKind, definition.Id, definition.Name, $"{definition.DataType} score");
        await db.SaveUniqueAsync(e => NameTaken(name, e), cancellationToken);
        return definition;
    }

    /// <summary>Deletes the definition; scores already given under its name stay.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var definition = await db.ScoreDefinitions.SingleOrDefaultAsync(d => d.Id == id, cancellationToken) ?? throw new NotFoundException(AuditKind, id);
        db.ScoreDefinitions.Remove(definition);
        audit.Record(db, AuditAction.Deleted, AuditKind, definition.Id, definition.Name, $"{definition.DataType} score");
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ConflictException NameTaken(string name, Exception? inner = null) =>
        new($"A score named '{name}' is already defined in this team. Choose another name.", inner);
}

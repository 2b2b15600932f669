using System.Text.Json;
using AiNative.Services.Data;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Evaluation.Definitions;

/// <summary>
/// The team's evaluator definitions: viewers read them, editors create, change and delete them. A change of kind or
/// settings saves the next version; a new name or description alone does not.
/// </summary>
public sealed class EvaluatorDefinitions(IDbContextFactory<PortalDbContext> dbFactory, TeamContext team, AuditTrail audit, TimeProvider clock)
{
    public const string AuditKind = "Evaluator";

    /// <summary>The definitions by name, each with its latest version only.</summary>
    public async Task<IReadOnlyList<EvaluatorDefinition>> ListAsync(CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var definitions = await db.EvaluatorDefinitions.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);
        var latest = await db.EvaluatorVersions.AsNoTracking()
            .Where(v => v.Number == v.Definition.LatestVersion)
            .ToDictionaryAsync(v => v.DefinitionId, cancellationToken);
        foreach (var definition in definitions)
        {
            definition.Versions.Add(latest[definition.Id]);
        }

        return definitions;
    }

    /// <summary>The definition with all its versions, newest first.</summary>
    public async Task<EvaluatorDefinition> GetAsync(Guid definitionId, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.EvaluatorDefinitions.AsNoTracking()
            .Include(d => d.Versions.OrderByDescending(v => v.Number))
            .SingleOrDefaultAsync(d => d.Id == definitionId, cancellationToken)
            ?? throw new NotFoundException(AuditKind, definitionId);
    }

    /// <summary>One version with its definition, as an experiment pins it.</summary>
    public async Task<EvaluatorVersion> GetVersionAsync(Guid definitionId, int number, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.EvaluatorVersions.AsNoTracking().Include(v => v.Definition)
            .SingleOrDefaultAsync(v => v.DefinitionId == definitionId && v.Number == number, cancellationToken)
            ?? throw new NotFoundException("Evaluator version", $"{definitionId} v{number}");
    }

    public async Task<EvaluatorDefinition> CreateAsync(EvaluatorInput input, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = await CheckAsync(db, input, null, cancellationToken);
        var now = clock.GetUtcNow();
        var definition = new EvaluatorDefinition { Name = name, Description = Description(input), LatestVersion = 1, CreatedAt = now, UpdatedAt = now };
        definition.Versions.Add(NewVersion(definition, 1, input, now));
        db.EvaluatorDefinitions.Add(definition);
        audit.Record(db, AuditAction.Created, AuditKind, definition.Id, name, $"kind {input.Kind}; settings {Describe(input.Settings)}");
        await db.SaveUniqueAsync(e => NameTaken(name, e), cancellationToken);
        return definition;
    }

    public async Task<EvaluatorDefinition> UpdateAsync(Guid definitionId, EvaluatorInput input, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var definition = await db.EvaluatorDefinitions.SingleOrDefaultAsync(d => d.Id == definitionId, cancellationToken)
            ?? throw new NotFoundException(AuditKind, definitionId);
        var latest = await db.EvaluatorVersions.AsNoTracking().SingleAsync(v => v.DefinitionId == definitionId && v.Number == definition.LatestVersion, cancellationToken);
        var name = await CheckAsync(db, input, definitionId, cancellationToken);
        var now = clock.GetUtcNow();
        var changes = new List<string> { AuditTrail.Changes(("name", definition.Name, name), ("description", definition.Description, Description(input))) };
        definition.Name = name;
        definition.Description = Description(input);
        definition.UpdatedAt = now;
        if (latest.Kind != input.Kind || latest.Settings != input.Settings)
        {
            definition.LatestVersion++;
            db.EvaluatorVersions.Add(NewVersion(definition, definition.LatestVersion, input, now));
            changes.Add($"version {definition.LatestVersion}: kind {input.Kind}; settings {Describe(input.Settings)}");
        }

        audit.Record(db, AuditAction.Updated, AuditKind, definition.Id, name, string.Join("; ", changes));
        await db.SaveUniqueAsync(e => NameTaken(name, e), cancellationToken);
        return await GetAsync(definitionId, cancellationToken);
    }

    public async Task DeleteAsync(Guid definitionId, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var definition = await db.EvaluatorDefinitions.SingleOrDefaultAsync(d => d.Id == definitionId, cancellationToken)
            ?? throw new NotFoundException(AuditKind, definitionId);
        db.EvaluatorDefinitions.Remove(definition);
        audit.Record(db, AuditAction.Deleted, AuditKind, definition.Id, definition.Name, "deleted with its versions");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Validates the input; answers the trimmed name.</summary>
    private static async Task<string> CheckAsync(PortalDbContext db, EvaluatorInput input, Guid? definitionId, CancellationToken cancellationToken)
    {
        await EvaluatorSettingsRules.ValidateAsync(db, input, cancellationToken);
        var name = input.Name!.Trim();
        await db.EvaluatorDefinitions.EnsureNameFreeAsync(name, definitionId, () => NameTaken(name), cancellationToken);
        return name;
    }

    private EvaluatorVersion NewVersion(EvaluatorDefinition definition, int number, EvaluatorInput input, DateTimeOffset now) => new()
    {
        Definition = definition,
        DefinitionId = definition.Id,
        Number = number,
        Kind = input.Kind,
        Settings = input.Settings,
        CreatedAt = now,
        CreatedBy = team.Actor.Name,
    };

    private static string? Description(EvaluatorInput input) => string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();

    private static string Describe(EvaluatorSettings settings) => JsonSerializer.Serialize(settings, DescribeOptions);

    private static readonly JsonSerializerOptions DescribeOptions = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault };

    private static ConflictException NameTaken(string name, Exception? inner = null) =>
        new($"The team already has an evaluator named '{name}'. Choose another name.", inner);
}

using AiNative.Services.Data;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Datasets;

/// <summary>The team's datasets: list, read, create, rename and delete, and their versions.</summary>
public sealed class DatasetRegistry(
    IDbContextFactory<PortalDbContext> dbFactory,
    TeamContext team,
    AuditTrail audit,
    TimeProvider clock)
{
    public const string AuditKind = "Dataset";

    /// <summary>The newest versions a dataset's page lists; older ones are read by number.</summary>
    public const int VersionsListed = 100;

    public async Task<IReadOnlyList<Dataset>> ListAsync(CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Datasets.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);
    }

    /// <summary>The dataset with its newest versions (at most <see cref="VersionsListed"/>), newest first.</summary>
    public async Task<Dataset> GetAsync(Guid datasetId, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Datasets.AsNoTracking()
            .Include(d => d.Versions.OrderByDescending(v => v.Number).Take(VersionsListed))
            .SingleOrDefaultAsync(d => d.Id == datasetId, cancellationToken)
            ?? throw new NotFoundException(AuditKind, datasetId);
    }

    public async Task<Dataset> CreateAsync(string name, string? description, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        Validate(name, description);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Datasets.EnsureNameFreeAsync(name.Trim(), null, () => NameTaken(name.Trim()), cancellationToken);

        var now = clock.GetUtcNow();
        var dataset = new Dataset { Name = name.Trim(), Description = Clean(description), CreatedAt = now, UpdatedAt = now };
        db.Datasets.Add(dataset);
        audit.Record(db, AuditAction.Created, AuditKind, dataset.Id, dataset.Name, "created");
        await db.SaveUniqueAsync(e => NameTaken(dataset.Name, e), cancellationToken);
        return dataset;
    }

    /// <summary>Renames the dataset or changes its description; its items and versions stay as they are.</summary>
    public async Task<Dataset> UpdateAsync(Guid datasetId, string name, string? description, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        Validate(name, description);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.SingleOrDefaultAsync(d => d.Id == datasetId, cancellationToken)
            ?? throw new NotFoundException(AuditKind, datasetId);
        await db.Datasets.EnsureNameFreeAsync(name.Trim(), datasetId, () => NameTaken(name.Trim()), cancellationToken);

        var summary = AuditTrail.Changes(("name", dataset.Name, name.Trim()), ("description", dataset.Description, Clean(description)));
        dataset.Name = name.Trim();
        dataset.Description = Clean(description);
        dataset.UpdatedAt = clock.GetUtcNow();
        audit.Record(db, AuditAction.Updated, AuditKind, dataset.Id, dataset.Name, summary);
        await db.SaveUniqueAsync(e => NameTaken(dataset.Name, e), cancellationToken);
        return dataset;
    }

    /// <summary>Deletes the dataset with every version of its items.</summary>
    public async Task DeleteAsync(Guid datasetId, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.SingleOrDefaultAsync(d => d.Id == datasetId, cancellationToken)
            ?? throw new NotFoundException(AuditKind, datasetId);
        db.Datasets.Remove(dataset);
        audit.Record(db, AuditAction.Deleted, AuditKind, dataset.Id, dataset.Name,
            $"deleted at version {dataset.CurrentVersion} with {dataset.ItemCount} item(s)");
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Validate(string? name, string? description) =>
        new Validation()
            .RequireText(name, "Name", DatasetRules.NameMaxLength)
            .Require((description?.Length ?? 0) <= DatasetRules.DescriptionMaxLength, "Description",
                $"The description must be at most {DatasetRules.DescriptionMaxLength} characters.")
            .ThrowIfInvalid();

    private static ConflictException NameTaken(string name, Exception? inner = null) =>
        new($"A dataset named '{name}' already exists in this team. Choose another name, or open the existing dataset.", inner);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

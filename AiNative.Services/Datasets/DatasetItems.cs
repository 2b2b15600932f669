using System.Runtime.CompilerServices;
using AiNative.Services.Data;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Datasets;

/// <summary>
/// The items of a dataset: read any version a page at a time or whole, and change the latest one item by item.
/// Every change makes the next version (see <see cref="DatasetChange"/>).
/// </summary>
public sealed class DatasetItems(
    IDbContextFactory<PortalDbContext> dbFactory,
    TeamContext team,
    AuditTrail audit,
    TimeProvider clock)
{
    public const string AuditKind = "Dataset item";

    /// <summary>A search counts this many matches at most, and says "more" beyond.</summary>
    public const int CountLimit = 10_000;

    private const int ReadBatchSize = 1_000;

    public async Task<DatasetItemPage> ListAsync(Guid datasetId, DatasetItemQuery query, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        new Validation()
            .Require(query.Page >= 1, "Page", "The page must be 1 or more.")
            .Require(query.PageSize is >= 1 and <= DatasetRules.MaxPageSize, "PageSize", $"The page size must be between 1 and {DatasetRules.MaxPageSize}.")
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (version, count) = await VersionAsync(db, datasetId, query.Version, cancellationToken);
        var items = DatasetVersionItems.Of(db, datasetId, version.Number, version.IsLatest);
        var total = count;
        var more = false;
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            items = DatasetVersionItems.Containing(db, items, query.Search.Trim());
            total = await items.Take(CountLimit + 1).CountAsync(cancellationToken);
            more = total > CountLimit;
            total = Math.Min(total, CountLimit);
        }

        var page = await items.OrderBy(i => i.Position)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return new DatasetItemPage(page, version.Number, total, more, query.Page, query.PageSize);
    }

    /// <summary>The number of <paramref name="version"/> (the latest when null) and how many items it holds; not found when the dataset has no such version.</summary>
    public async Task<(int Version, int ItemCount)> ResolveVersionAsync(Guid datasetId, int? version, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (resolved, count) = await VersionAsync(db, datasetId, version, cancellationToken);
        return (resolved.Number, count);
    }

    /// <summary>An item as it is in <paramref name="version"/> (the latest when null).</summary>
    public async Task<DatasetItem> GetAsync(Guid datasetId, Guid itemId, int? version, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (resolved, _) = await VersionAsync(db, datasetId, version, cancellationToken);
        return await DatasetVersionItems.Of(db, datasetId, resolved.Number, resolved.IsLatest)
            .SingleOrDefaultAsync(i => i.ItemId == itemId, cancellationToken)
            ?? throw new NotFoundException(AuditKind, itemId);
    }

    /// <summary>Every item of <paramref name="version"/> in order, read in batches: for exports and experiments, of any size.</summary>
    public async IAsyncEnumerable<DatasetItem> ReadAllAsync(Guid datasetId, int version, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (resolved, _) = await VersionAsync(db, datasetId, version, cancellationToken);
        var items = DatasetVersionItems.Of(db, datasetId, resolved.Number, latestInOneStatement: false);
        var after = long.MinValue;
        while (true)
        {
            // Keyset batches: each starts after the last position read, so a large version costs the same per batch.
            var from = after;
            var batch = await items.Where(i => i.Position > from).OrderBy(i => i.Position).Take(ReadBatchSize).ToListAsync(cancellationToken);
            foreach (var item in batch)
            {
                yield return item;
            }

            if (batch.Count < ReadBatchSize)
            {
                yield break;
            }

            after = batch[^1].Position;
        }
    }

    public async Task<DatasetItem> AddAsync(Guid datasetId, ItemContent content, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        var item = ItemRules.CheckOrThrow(content);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var change = await BeginAsync(db, datasetId, cancellationToken);
        var added = await change.AppendAsync(item, null, cancellationToken);
        await change.CommitAsync($"Added item #{added.Position}", cancellationToken);
        return added;
    }

    /// <summary>Gives the item new content in the next version; content equal to what it has changes nothing.</summary>
    public async Task<DatasetItem> UpdateAsync(Guid datasetId, Guid itemId, ItemContent content, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        var item = ItemRules.CheckOrThrow(content);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var change = await BeginAsync(db, datasetId, cancellationToken);
        var open = await change.FindOpenAsync(itemId, cancellationToken);
        if (Same(open, item))
        {
            return open;
        }

        var saved = await change.ReplaceAsync(open, item, cancellationToken);
        await change.CommitAsync($"Edited item #{open.Position}", cancellationToken);
        return saved;
    }

    /// <summary>Takes items out of the next version; the versions before it keep them.</summary>
    public async Task<DatasetVersion> DeleteAsync(Guid datasetId, IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        new Validation()
            .Require(itemIds.Count > 0, "ItemIds", "Choose the items to delete.")
            .Require(itemIds.Count <= DatasetRules.MaxItemsPerDelete, "ItemIds", $"Delete at most {DatasetRules.MaxItemsPerDelete:N0} items at once.")
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var change = await BeginAsync(db, datasetId, cancellationToken);
        var distinct = itemIds.Distinct().ToList();
        var deleted = await change.CloseAsync(distinct, cancellationToken);
        if (deleted < distinct.Count)
        {
            throw distinct.Count == 1
                ? new NotFoundException(AuditKind, distinct[0])
                : new ValidationFailedException("ItemIds",
                    $"{distinct.Count - deleted} of the {distinct.Count} items are not in the latest version (deleted already?). Reload the dataset and choose again.");
        }

        return await change.CommitAsync(deleted == 1 ? "Deleted 1 item" : $"Deleted {deleted} items", cancellationToken);
    }

    private Task<DatasetChange> BeginAsync(PortalDbContext db, Guid datasetId, CancellationToken cancellationToken) =>
        DatasetChange.BeginAsync(db, datasetId, audit, team.Actor.Name, clock.GetUtcNow(), cancellationToken);

    private static bool Same(DatasetItem open, CheckedItem item) =>
        open.Input == item.Input && open.ExpectedOutput == item.ExpectedOutput && open.Metadata == item.Metadata
        && open.ExpectedSources.SequenceEqual(item.ExpectedSources);

    /// <summary>The version asked for (the latest when null) and how many items it holds.</summary>
    private static async Task<(ResolvedVersion Version, int ItemCount)> VersionAsync(
        PortalDbContext db, Guid datasetId, int? number, CancellationToken cancellationToken)
    {
        var dataset = await db.Datasets.AsNoTracking().Where(d => d.Id == datasetId)
            .Select(d => new { d.CurrentVersion, d.ItemCount }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(DatasetRegistry.AuditKind, datasetId);
        if (number is null || number == dataset.CurrentVersion)
        {
            return (new ResolvedVersion(dataset.CurrentVersion, true), dataset.ItemCount);
        }

        if (number == 0)
        {
            return (new ResolvedVersion(0, false), 0);
        }

        var count = await db.DatasetVersions.Where(v => v.DatasetId == datasetId && v.Number == number)
            .Select(v => (int?)v.ItemCount).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Dataset version", number);
        return (new ResolvedVersion(number.Value, false), count);
    }

    private sealed record ResolvedVersion(int Number, bool IsLatest);
}

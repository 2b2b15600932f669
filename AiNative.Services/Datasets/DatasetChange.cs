using AiNative.Services.Data;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AiNative.Services.Datasets;

/// <summary>
/// One change of a dataset's items, in one transaction that makes the next version. The version number is
/// taken first, which holds the dataset's row until the end: changes made at the same moment wait for each
/// other and each gets a version of its own. Items added are saved in batches, so an import of many items
/// never keeps them all tracked; nothing is visible to others until <see cref="CommitAsync"/>, and a change
/// disposed without it leaves nothing behind.
/// </summary>
internal sealed class DatasetChange : IAsyncDisposable
{
    private const int BatchSize = 2_000;

    private readonly PortalDbContext _db;
    private readonly IDbContextTransaction _transaction;
    private readonly AuditTrail _audit;
    private readonly string _actorName;
    private readonly DateTimeOffset _now;
    private long _appended;
    private int _added;
    private int _closed;
    private int _pending;

    private DatasetChange(PortalDbContext db, IDbContextTransaction transaction, Dataset dataset, AuditTrail audit, string actorName, DateTimeOffset now)
    {
        _db = db;
        _transaction = transaction;
        _audit = audit;
        _actorName = actorName;
        _now = now;
        Dataset = dataset;
    }

    /// <summary>The dataset as it was before this change, except <see cref="Dataset.CurrentVersion"/>: already the new number.</summary>
    public Dataset Dataset { get; }

    public int Version => Dataset.CurrentVersion;

    /// <summary>How many items the new version holds.</summary>
    public int ItemCount => Dataset.ItemCount + _added - _closed;

    public static async Task<DatasetChange> BeginAsync(
        PortalDbContext db, Guid datasetId, AuditTrail audit, string actorName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var taken = await db.Datasets.Where(d => d.Id == datasetId)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.CurrentVersion, d => d.CurrentVersion + 1), cancellationToken);
            if (taken == 0)
            {
                throw new NotFoundException(DatasetRegistry.AuditKind, datasetId);
            }

            var dataset = await db.Datasets.AsNoTracking().SingleAsync(d => d.Id == datasetId, cancellationToken);
            return new DatasetChange(db, transaction, dataset, audit, actorName, now);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>The item's row in the latest version; not found when the item is not in it.</summary>
    public async Task<DatasetItem> FindOpenAsync(Guid itemId, CancellationToken cancellationToken) =>
        await _db.DatasetItems.AsNoTracking()
            .SingleOrDefaultAsync(i => i.DatasetId == Dataset.Id && i.ItemId == itemId && i.ValidTo == null, cancellationToken)
        ?? throw new NotFoundException(DatasetItems.AuditKind, itemId);

    /// <summary>Adds a new item after the last one.</summary>
    public Task<DatasetItem> AppendAsync(CheckedItem content, Guid? sourceTraceId, CancellationToken cancellationToken) =>
        AddAsync(Guid.CreateVersion7(), Dataset.LastPosition + ++_appended, content, sourceTraceId, cancellationToken);

    /// <summary>Gives an item a new state in its place: its open row is closed and a new one added.</summary>
    public async Task<DatasetItem> ReplaceAsync(DatasetItem open, CheckedItem content, CancellationToken cancellationToken)
    {
        await CloseAsync([open.ItemId], cancellationToken);
        return await AddAsync(open.ItemId, open.Position, content, open.SourceTraceId, cancellationToken);
    }

    /// <summary>Takes items out of the new version; returns how many were in the previous one.</summary>
    public async Task<int> CloseAsync(IReadOnlyCollection<Guid> itemIds, CancellationToken cancellationToken)
    {
        var version = Version;
        var closed = await _db.DatasetItems
            .Where(i => i.DatasetId == Dataset.Id && i.ValidTo == null && i.ValidFrom < version && itemIds.Contains(i.ItemId))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ValidTo, version), cancellationToken);
        _closed += closed;
        return closed;
    }

    /// <summary>Takes every item of the previous version out of the new one (an import that replaces them).</summary>
    public async Task<int> CloseAllAsync(CancellationToken cancellationToken)
    {
        var version = Version;
        var closed = await _db.DatasetItems
            .Where(i => i.DatasetId == Dataset.Id && i.ValidTo == null && i.ValidFrom < version)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ValidTo, version), cancellationToken);
        _closed += closed;
        return closed;
    }

    /// <summary>Saves the rest, records the version with <paramref name="summary"/> (and audits it) and commits; the version is visible from then on.</summary>
    public async Task<DatasetVersion> CommitAsync(string summary, CancellationToken cancellationToken)
    {
        var version = new DatasetVersion
        {
            DatasetId = Dataset.Id,
            Number = Version,
            Summary = summary.Length <= DatasetRules.SummaryMaxLength ? summary : summary[..(DatasetRules.SummaryMaxLength - 1)] + "…",
            ItemCount = ItemCount,
            CreatedAt = _now,
            CreatedBy = _actorName,
        };
        _db.DatasetVersions.Add(version);
        _audit.Record(_db, AuditAction.Updated, DatasetRegistry.AuditKind, Dataset.Id, Dataset.Name, $"version {Version}: {version.Summary}");
        await FlushAsync(cancellationToken);
        var (count, last) = (ItemCount, Dataset.LastPosition + _appended);
        await _db.Datasets.Where(d => d.Id == Dataset.Id).ExecuteUpdateAsync(
            s => s.SetProperty(d => d.ItemCount, count).SetProperty(d => d.LastPosition, last).SetProperty(d => d.UpdatedAt, _now),
            cancellationToken);
        await _transaction.CommitAsync(cancellationToken);
        return version;
    }

    public ValueTask DisposeAsync() => _transaction.DisposeAsync();

    private async Task<DatasetItem> AddAsync(Guid itemId, long position, CheckedItem content, Guid? sourceTraceId, CancellationToken cancellationToken)
    {
        var item = new DatasetItem
        {
            DatasetId = Dataset.Id,
            ItemId = itemId,
            Position = position,
            ValidFrom = Version,
            Input = content.Input,
            ExpectedOutput = content.ExpectedOutput,
            ExpectedSources = content.ExpectedSources,
            Metadata = content.Metadata,
            SourceTraceId = sourceTraceId,
            CreatedAt = _now,
        };
        _db.DatasetItems.Add(item);
        _added++;
        if (++_pending >= BatchSize)
        {
            await FlushAsync(cancellationToken);
        }

        return item;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        _db.ChangeTracker.DetectChanges();
        await _db.SaveChangesAsync(cancellationToken);
        _db.ChangeTracker.Clear();
        _pending = 0;
    }
}

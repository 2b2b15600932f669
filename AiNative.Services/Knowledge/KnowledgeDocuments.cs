using AiNative.Services.Data;
using AiNative.Services.Knowledge.Extraction;
using AiNative.Services.Knowledge.Ingestion;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Platform.Jobs;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge;

/// <summary>Lists, tags, retries, re-ingests and deletes documents; <see cref="DocumentUploads"/> adds them.</summary>
public sealed class KnowledgeDocuments(
    IDbContextFactory<PortalDbContext> dbFactory,
    TeamContext team,
    KnowledgeBases bases,
    DocumentFiles files,
    JobQueue jobs,
    KnowledgeEvents events,
    VectorIndex vectors,
    AuditTrail audit,
    TimeProvider clock)
{
    internal const string AuditKind = "Document";

    public async Task<IReadOnlyList<DocumentSummary>> ListAsync(string index, CancellationToken cancellationToken)
    {
        var knowledgeBase = await bases.FindAsync(index, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var documents = await db.KnowledgeDocuments.AsNoTracking().Include(d => d.Tags)
            .Where(d => d.KnowledgeBaseId == knowledgeBase.Id)
            .OrderByDescending(d => d.CreatedAt)
            .ToListAsync(cancellationToken);
        return [.. documents.Select(d => Summarize(d, knowledgeBase))];
    }

    /// <summary>A page of the base's documents, searched, filtered and sorted in the database.</summary>
    public async Task<Paged<DocumentSummary>> QueryAsync(string index, DocumentQuery query, CancellationToken cancellationToken)
    {
        var knowledgeBase = await bases.FindAsync(index, cancellationToken);
        new Validation()
            .Require(query.Page >= 1, "Page", "Pages are numbered from 1.")
            .Require(query.PageSize is >= 1 and <= DocumentQuery.MaxPageSize, "PageSize", $"The page size must be between 1 and {DocumentQuery.MaxPageSize}.")
            .Require((query.Search?.Length ?? 0) <= DocumentQuery.MaxSearchLength, "Search", $"Search for at most {DocumentQuery.MaxSearchLength} characters.")
            .Require(query.Status is null || Enum.IsDefined(query.Status.Value), "Status", "Choose queued, processing, ready or failed.")
            .Require(Enum.IsDefined(query.Sort), "Sort", "Sort by added, name, size or chunks.")
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var documents = db.KnowledgeDocuments.AsNoTracking().Where(d => d.KnowledgeBaseId == knowledgeBase.Id);
        if (query.Status is { } status)
        {
            documents = documents.Where(d => d.Status == status);
        }

        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            var lower = search.ToLowerInvariant();
            documents = Guid.TryParse(search, out var id)
                ? documents.Where(d => d.PublicId == id)
                : documents.Where(d => d.FileName.ToLower().Contains(lower) || d.Tags.Any(t => t.Value.ToLower().Contains(lower)));
        }

        var total = await documents.CountAsync(cancellationToken);
        var page = await Sorted(documents, query).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Include(d => d.Tags).ToListAsync(cancellationToken);
        return new Paged<DocumentSummary>([.. page.Select(d => Summarize(d, knowledgeBase))], total, query.Page, query.PageSize);
    }

    private static IQueryable<KnowledgeDocument> Sorted(IQueryable<KnowledgeDocument> documents, DocumentQuery query) => (query.Sort, query.Descending) switch
    {
        (DocumentSort.Name, false) => documents.OrderBy(d => d.FileName).ThenBy(d => d.Id),
        (DocumentSort.Name, true) => documents.OrderByDescending(d => d.FileName).ThenBy(d => d.Id),
        (DocumentSort.Size, false) => documents.OrderBy(d => d.Size).ThenBy(d => d.Id),
        (DocumentSort.Size, true) => documents.OrderByDescending(d => d.Size).ThenBy(d => d.Id),
        (DocumentSort.Chunks, false) => documents.OrderBy(d => d.ChunkCount).ThenBy(d => d.Id),
        (DocumentSort.Chunks, true) => documents.OrderByDescending(d => d.ChunkCount).ThenBy(d => d.Id),
        (_, false) => documents.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id),
        _ => documents.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id),
    };

    public async Task<DocumentSummary> GetAsync(string index, Guid documentId, CancellationToken cancellationToken)
    {
        var knowledgeBase = await bases.FindAsync(index, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.KnowledgeDocuments.AsNoTracking().Include(d => d.Tags)
            .SingleOrDefaultAsync(d => d.PublicId == documentId && d.KnowledgeBaseId == knowledgeBase.Id, cancellationToken)
            ?? throw new NotFoundException("Document", documentId);
        return Summarize(document, knowledgeBase);
    }

    /// <summary>Replaces the document's tags; search filters see them at once.</summary>
    public async Task<DocumentSummary> SetTagsAsync(string index, Guid documentId, IReadOnlyDictionary<string, List<string>> tags, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        var knowledgeBase = await bases.FindAsync(index, cancellationToken);
        var normalized = DocumentTags.Normalize(tags);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await LoadAsync(db, knowledgeBase.Id, documentId, cancellationToken);
        var before = DocumentTags.FromEntities(document.Tags);
        db.DocumentTags.RemoveRange(document.Tags);
        document.Tags = DocumentTags.ToEntities(document.Id, normalized);
        document.UpdatedAt = clock.GetUtcNow();
        audit.Record(db, AuditAction.Updated, AuditKind, document.Id, document.FileName,
            AuditTrail.Changes(("tags", DocumentTags.Describe(before), DocumentTags.Describe(normalized))));
        await db.SaveChangesAsync(cancellationToken);
        return Summarize(document, knowledgeBase);
    }

    /// <summary>Queues a failed document again; it resumes at the step that failed.</summary>
    public async Task<DocumentSummary> RetryAsync(string index, Guid documentId, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        var knowledgeBase = await bases.FindAsync(index, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await LoadAsync(db, knowledgeBase.Id, documentId, cancellationToken);
        if (document.Status != DocumentStatus.Failed)
        {
            throw new ConflictException($"'{document.FileName}' has not failed ({document.Status}); only a failed document can be retried.");
        }

        return await RequeueAsync(db, document, knowledgeBase, document.Pipeline, "retried", cancellationToken);
    }

    /// <summary>Runs the whole pipeline again; the current chunks stay searchable until the new ones are saved.</summary>
    public async Task<DocumentSummary> ReingestAsync(string index, Guid documentId, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        var knowledgeBase = await bases.FindAsync(index, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await LoadAsync(db, knowledgeBase.Id, documentId, cancellationToken);
        if (document.Status is DocumentStatus.Queued or DocumentStatus.Processing)
        {
            throw new ConflictException($"'{document.FileName}' is being ingested; wait until it is ready or has failed.");
        }

        return await RequeueAsync(db, document, knowledgeBase, IngestionPipeline.Start(), "re-ingested", cancellationToken);
    }

    /// <summary>Deletes the document with its chunks and vectors, and its file when no other document has the same content.</summary>
    public async Task DeleteAsync(string index, Guid documentId, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        var knowledgeBase = await bases.FindAsync(index, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await LoadAsync(db, knowledgeBase.Id, documentId, cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.KnowledgeChunks.Where(c => c.DocumentId == document.Id).ExecuteDeleteAsync(cancellationToken);
            await KeywordIndexMaintenance.DocumentDeletedAsync(db, knowledgeBase.Id, document.Id, cancellationToken);
            db.KnowledgeDocuments.Remove(document);
            audit.Record(db, AuditAction.Deleted, AuditKind, document.Id, document.FileName, $"from {knowledgeBase.Name}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        vectors.DocumentChanged(knowledgeBase.Id, knowledgeBase.ActiveGeneration, document.Id);
        if (knowledgeBase.BuildingGeneration is { } building)
        {
            vectors.DocumentChanged(knowledgeBase.Id, building, document.Id);
        }

        await files.DeleteIfUnusedAsync(document.Sha256, document.Pipeline.ExtractedBlob, cancellationToken);
        events.Raise(new DocumentStatusChanged(document.TeamId, knowledgeBase.Id, document.PublicId, document.Status, null, 0, null, 0, 0, Deleted: true));
    }

    private async Task<DocumentSummary> RequeueAsync(
        PortalDbContext db,
        KnowledgeDocument document,
        KnowledgeBase knowledgeBase,
        IngestionPipeline pipeline,
        string action,
        CancellationToken cancellationToken)
    {
        document.Pipeline = pipeline;
        document.Status = DocumentStatus.Queued;
        document.Progress = 0;
        document.Error = null;
        document.UpdatedAt = clock.GetUtcNow();
        jobs.Add(db, IngestDocumentJob.JobKind, new IngestDocumentPayload(document.Id));
        audit.Record(db, AuditAction.Updated, AuditKind, document.Id, document.FileName, action);
        await events.SaveQueuedAsync(
            db, () => new DocumentStatusChanged(document.TeamId, knowledgeBase.Id, document.PublicId, document.Status, document.Step, 0, null, document.ChunkCount, document.TokenCount),
            cancellationToken);
        jobs.Wake();
        return Summarize(document, knowledgeBase);
    }

    private static async Task<KnowledgeDocument> LoadAsync(PortalDbContext db, Guid baseId, Guid documentId, CancellationToken cancellationToken) =>
        await db.KnowledgeDocuments.Include(d => d.Tags).SingleOrDefaultAsync(d => d.PublicId == documentId && d.KnowledgeBaseId == baseId, cancellationToken)
        ?? throw new NotFoundException("Document", documentId);

    internal static DocumentSummary Summarize(KnowledgeDocument d, KnowledgeBase knowledgeBase) => new(
        d.PublicId,
        knowledgeBase.Id,
        knowledgeBase.Name,
        d.FileName,
        d.Format,
        DocumentFormats.MediaType(d.Format),
        d.Size,
        d.Sha256,
        DocumentTags.FromEntities(d.Tags),
        d.Status,
        d.Step,
        d.Progress,
        d.Error,
        d.ChunkCount,
        d.TokenCount,
        d.Pipeline.Steps,
        d.Pipeline.RemainingSteps,
        d.Pipeline.CompletedSteps,
        d.CreatedAt,
        d.UpdatedAt,
        d.PageCount);
}

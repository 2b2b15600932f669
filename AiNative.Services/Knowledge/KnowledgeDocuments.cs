using AiNative.Services.Data;
using AiNative.Services.Knowledge.Extraction;
using AiNative.Services.Knowledge.Ingestion;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Platform.Jobs;
using AiNative.Services.Platform.Storage;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Knowledge;

/// <summary>
/// Uploads, lists, tags, retries, re-ingests and deletes documents. An upload streams each file
/// into the blob store under the size limit, checks its type by content, recognises content the
/// base already has, and queues the rest for ingestion; each file succeeds or fails on its own.
/// </summary>
public sealed class KnowledgeDocuments(
    IDbContextFactory<PortalDbContext> dbFactory,
    TeamContext team,
    KnowledgeBases bases,
    BlobStore blobs,
    DocumentFiles files,
    JobQueue jobs,
    KnowledgeEvents events,
    VectorIndex vectors,
    AuditTrail audit,
    IOptions<KnowledgeOptions> options,
    TimeProvider clock)
{
    private const string AuditKind = "Document";

    public async Task<UploadResult> UploadAsync(
        string index,
        IReadOnlyList<UploadFile> uploads,
        IReadOnlyDictionary<string, List<string>>? tags,
        Guid? documentId,
        CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        var knowledgeBase = await bases.FindAsync(index, cancellationToken);
        var normalizedTags = DocumentTags.Normalize(tags);
        new Validation()
            .Require(uploads.Count > 0, "Files", "Choose at least one file to upload.")
            .Require(uploads.Count <= options.Value.MaxFilesPerUpload, "Files", $"Upload at most {options.Value.MaxFilesPerUpload} files at once.")
            .Require(documentId is null || uploads.Count == 1, "DocumentId", "A document id names one document: upload one file with it.")
            .ThrowIfInvalid();

        var outcomes = new List<UploadOutcome>(uploads.Count);
        foreach (var upload in uploads)
        {
            outcomes.Add(await UploadOneAsync(knowledgeBase, upload, normalizedTags, documentId, cancellationToken));
        }

        jobs.Wake();
        return new UploadResult(knowledgeBase.Id, knowledgeBase.Name, outcomes);
    }

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

    public async Task<DocumentSummary> GetAsync(string index, Guid documentId, CancellationToken cancellationToken)
    {
        var knowledgeBase = await bases.FindAsync(index, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.KnowledgeDocuments.AsNoTracking().Include(d => d.Tags)
            .SingleOrDefaultAsync(d => d.Id == documentId && d.KnowledgeBaseId == knowledgeBase.Id, cancellationToken)
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
            AuditTrail.Changes(("tags", Describe(before), Describe(normalized))));
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
            db.KnowledgeDocuments.Remove(document);
            audit.Record(db, AuditAction.Deleted, AuditKind, document.Id, document.FileName, $"from {knowledgeBase.Name}");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        vectors.Update(knowledgeBase.Id, knowledgeBase.ActiveGeneration, segment => segment.RemoveDocument(document.Id));
        if (knowledgeBase.BuildingGeneration is { } building)
        {
            vectors.Update(knowledgeBase.Id, building, segment => segment.RemoveDocument(document.Id));
        }

        await files.DeleteIfUnusedAsync(document.Sha256, document.Pipeline.ExtractedBlob, cancellationToken);
        events.Raise(new DocumentStatusChanged(document.TeamId, knowledgeBase.Id, document.Id, document.Status, null, 0, null, 0, 0, Deleted: true));
    }

    private async Task<UploadOutcome> UploadOneAsync(
        KnowledgeBase knowledgeBase,
        UploadFile upload,
        Dictionary<string, List<string>> tags,
        Guid? documentId,
        CancellationToken cancellationToken)
    {
        var fileName = DisplayName(upload.FileName);
        if (fileName.Length == 0)
        {
            return new UploadOutcome(upload.FileName, UploadStatus.Rejected, null, "The file has no name; give it a name with an extension such as .md.");
        }

        StoredBlob blob;
        try
        {
            blob = await blobs.SaveAsync(new LimitedStream(upload.Content, options.Value.MaxUploadBytes), cancellationToken);
        }
        catch (UploadTooLargeException e)
        {
            return new UploadOutcome(fileName, UploadStatus.Rejected, null, e.Message);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.KnowledgeDocuments.AsNoTracking()
            .Where(d => d.KnowledgeBaseId == knowledgeBase.Id && d.Sha256 == blob.Hash)
            .Select(d => new { d.Id, d.FileName })
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return Duplicate(fileName, existing.Id, existing.FileName, knowledgeBase.Name);
        }

        DocumentFormat format;
        try
        {
            await using var content = blobs.OpenRead(blob.Hash);
            format = ContentInspector.Inspect(fileName, content);
        }
        catch (DocumentRejectedException e)
        {
            await files.DeleteIfUnusedAsync(blob.Hash, null, cancellationToken);
            return new UploadOutcome(fileName, UploadStatus.Rejected, null, e.Message);
        }

        if (documentId is { } id && await db.KnowledgeDocuments.IgnoreQueryFilters().AnyAsync(d => d.Id == id, cancellationToken))
        {
            await files.DeleteIfUnusedAsync(blob.Hash, null, cancellationToken);
            return new UploadOutcome(fileName, UploadStatus.Rejected, null, $"A document with id {id} already exists. Delete it first, or upload without a document id.");
        }

        var now = clock.GetUtcNow();
        var document = new KnowledgeDocument
        {
            Id = documentId ?? Guid.CreateVersion7(),
            KnowledgeBaseId = knowledgeBase.Id,
            FileName = fileName,
            Format = format,
            Size = blob.Size,
            Sha256 = blob.Hash,
            Pipeline = IngestionPipeline.Start(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        document.Tags = DocumentTags.ToEntities(document.Id, tags);
        db.KnowledgeDocuments.Add(document);
        jobs.Add(db, IngestDocumentJob.JobKind, new IngestDocumentPayload(document.Id));
        audit.Record(db, AuditAction.Created, AuditKind, document.Id, fileName, $"uploaded to {knowledgeBase.Name} ({Sizes.Describe(blob.Size)}, {format})");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another upload of the same content may have won the race for the unique index.
            var racer = await FindByHashAsync(knowledgeBase.Id, blob.Hash, cancellationToken);
            if (racer is null)
            {
                throw;
            }

            return Duplicate(fileName, racer.Id, racer.FileName, knowledgeBase.Name);
        }

        events.Raise(new DocumentStatusChanged(document.TeamId, knowledgeBase.Id, document.Id, DocumentStatus.Queued, null, 0, null, 0, 0));
        return new UploadOutcome(fileName, UploadStatus.Accepted, document.Id, null);
    }

    private async Task<KnowledgeDocument?> FindByHashAsync(Guid baseId, string hash, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.KnowledgeDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.KnowledgeBaseId == baseId && d.Sha256 == hash, cancellationToken);
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
        await db.SaveChangesAsync(cancellationToken);
        jobs.Wake();
        events.Raise(new DocumentStatusChanged(document.TeamId, knowledgeBase.Id, document.Id, document.Status, document.Step, 0, null, document.ChunkCount, document.TokenCount));
        return Summarize(document, knowledgeBase);
    }

    private static async Task<KnowledgeDocument> LoadAsync(PortalDbContext db, Guid baseId, Guid documentId, CancellationToken cancellationToken) =>
        await db.KnowledgeDocuments.Include(d => d.Tags).SingleOrDefaultAsync(d => d.Id == documentId && d.KnowledgeBaseId == baseId, cancellationToken)
        ?? throw new NotFoundException("Document", documentId);

    private static UploadOutcome Duplicate(string fileName, Guid existingId, string existingName, string baseName) =>
        new(fileName, UploadStatus.Duplicate, existingId,
            $"The same content is already in '{baseName}' as '{existingName}'; it was not processed again.");

    /// <summary>The last segment of the name the browser sent, without control characters; it is only ever displayed.</summary>
    private static string DisplayName(string fileName)
    {
        var name = fileName.Replace('\\', '/').Split('/').LastOrDefault() ?? string.Empty;
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        return name.Length <= 255 ? name : name[^255..];
    }

    private static string Describe(IReadOnlyDictionary<string, List<string>> tags) =>
        string.Join(", ", tags.SelectMany(t => t.Value.Select(v => $"{t.Key}={v}")));

    private static DocumentSummary Summarize(KnowledgeDocument d, KnowledgeBase knowledgeBase) => new(
        d.Id,
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
        d.UpdatedAt);
}

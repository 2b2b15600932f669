using AiNative.Services.Data;
using AiNative.Services.Knowledge.Extraction;
using AiNative.Services.Knowledge.Ingestion;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Platform.Jobs;
using AiNative.Services.Platform.Storage;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Knowledge;

/// <summary>
/// Adds documents to a base. Each file streams into the blob store under the size limit, its type
/// is checked by content, content the base already has is recognised by its hash, and the rest is
/// queued for ingestion; each file succeeds or fails on its own, and a refused one leaves nothing.
/// </summary>
public sealed class DocumentUploads(
    IDbContextFactory<PortalDbContext> dbFactory,
    TeamContext team,
    KnowledgeBases bases,
    IBlobStore blobs,
    DocumentFiles files,
    JobQueue jobs,
    KnowledgeEvents events,
    AuditTrail audit,
    IOptions<KnowledgeOptions> options,
    TimeProvider clock)
{
    /// <summary>What one upload may hold; anyone in the team may read it.</summary>
    public UploadLimits Limits()
    {
        team.Require(TeamRole.Viewer);
        return new UploadLimits(options.Value.MaxUploadBytes, options.Value.MaxFilesPerUpload, DocumentFormats.Extensions);
    }

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
        var existing = await db.KnowledgeDocuments.AsNoTracking().Include(d => d.Tags)
            .FirstOrDefaultAsync(d => d.KnowledgeBaseId == knowledgeBase.Id && d.Sha256 == blob.Hash, cancellationToken);
        if (existing is not null)
        {
            return Duplicate(fileName, existing, knowledgeBase.Name, tags);
        }

        DocumentFormat format;
        try
        {
            await using var content = blobs.OpenRead(blob.Hash);
            format = ContentInspector.Inspect(fileName, content, options.Value.MaxExpandedBytes);
        }
        catch (DocumentRejectedException e)
        {
            await files.DeleteIfUnusedAsync(blob.Hash, null, cancellationToken);
            return new UploadOutcome(fileName, UploadStatus.Rejected, null, e.Message);
        }

        if (documentId is { } replacedId
            && await db.KnowledgeDocuments.Include(d => d.Tags).SingleOrDefaultAsync(d => d.Id == replacedId, cancellationToken) is { } replaced)
        {
            return await ReplaceAsync(db, knowledgeBase, replaced, new UploadOutcome(fileName, UploadStatus.Accepted, replaced.Id, null), format, blob, tags, cancellationToken);
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
        audit.Record(db, AuditAction.Created, KnowledgeDocuments.AuditKind, document.Id, fileName, $"uploaded to {knowledgeBase.Name} ({Sizes.Describe(blob.Size)}, {format})");
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

            return Duplicate(fileName, racer, knowledgeBase.Name, tags);
        }

        events.Raise(new DocumentStatusChanged(document.TeamId, knowledgeBase.Id, document.Id, DocumentStatus.Queued, null, 0, null, 0, 0));
        return new UploadOutcome(fileName, UploadStatus.Accepted, document.Id, null);
    }

    private async Task<KnowledgeDocument?> FindByHashAsync(Guid baseId, string hash, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.KnowledgeDocuments.AsNoTracking().Include(d => d.Tags)
            .FirstOrDefaultAsync(d => d.KnowledgeBaseId == baseId && d.Sha256 == hash, cancellationToken);
    }

    /// <summary>
    /// Kernel Memory's upload with the id of an existing document: the document takes the new file and tags and is
    /// ingested again; its current chunks stay searchable until the new ones are saved.
    /// </summary>
    private async Task<UploadOutcome> ReplaceAsync(
        PortalDbContext db,
        KnowledgeBase knowledgeBase,
        KnowledgeDocument replaced,
        UploadOutcome accepted,
        DocumentFormat format,
        StoredBlob blob,
        Dictionary<string, List<string>> tags,
        CancellationToken cancellationToken)
    {
        var refusal = replaced.KnowledgeBaseId != knowledgeBase.Id
            ? $"Document {replaced.Id} is in another knowledge base of the team; upload it to that base to replace it, or use another id."
            : replaced.Status is DocumentStatus.Queued or DocumentStatus.Processing
                ? $"Document {replaced.Id} ('{replaced.FileName}') is being ingested; upload again to replace it once it is ready or has failed."
                : null;
        if (refusal is not null)
        {
            await files.DeleteIfUnusedAsync(blob.Hash, null, cancellationToken);
            return accepted with { Status = UploadStatus.Rejected, DocumentId = null, Message = refusal };
        }

        var (previousName, previousHash, previousExtracted) = (replaced.FileName, replaced.Sha256, replaced.Pipeline.ExtractedBlob);
        replaced.FileName = accepted.FileName;
        replaced.Format = format;
        replaced.Size = blob.Size;
        replaced.Sha256 = blob.Hash;
        replaced.Pipeline = IngestionPipeline.Start();
        replaced.Status = DocumentStatus.Queued;
        replaced.Step = null;
        replaced.Progress = 0;
        replaced.Error = null;
        replaced.UpdatedAt = clock.GetUtcNow();
        db.DocumentTags.RemoveRange(replaced.Tags);
        replaced.Tags = DocumentTags.ToEntities(replaced.Id, tags);
        jobs.Add(db, IngestDocumentJob.JobKind, new IngestDocumentPayload(replaced.Id));
        audit.Record(db, AuditAction.Updated, KnowledgeDocuments.AuditKind, replaced.Id, accepted.FileName,
            $"replaced '{previousName}' in {knowledgeBase.Name} ({Sizes.Describe(blob.Size)}, {format})");
        await db.SaveChangesAsync(cancellationToken);
        await files.DeleteIfUnusedAsync(previousHash, previousExtracted, cancellationToken);
        events.Raise(new DocumentStatusChanged(replaced.TeamId, knowledgeBase.Id, replaced.Id, DocumentStatus.Queued, null, 0, null, replaced.ChunkCount, replaced.TokenCount));
        return accepted with { Message = $"Replaced document {replaced.Id} ('{previousName}') with this file and its tags; it is ingested again." };
    }

    /// <summary>The existing document; what happened to tags sent with the copy is said, never silently dropped.</summary>
    private static UploadOutcome Duplicate(string fileName, KnowledgeDocument existing, string baseName, Dictionary<string, List<string>> tags)
    {
        var kept = DocumentTags.FromEntities(existing.Tags);
        var sameTags = kept.Count == tags.Count && tags.All(t => kept.TryGetValue(t.Key, out var values) && values.Order().SequenceEqual(t.Value.Order()));
        var aboutTags = tags.Count == 0 || sameTags
            ? string.Empty
            : $" The tags sent with it were not applied: the document keeps {(kept.Count == 0 ? "no tags" : $"its tags ({DocumentTags.Describe(kept)})")}. "
              + "Change them with PUT documents/tags, or upload with its document id to replace it.";
        return new(fileName, UploadStatus.Duplicate, existing.Id,
            $"The same content is already in '{baseName}' as '{existing.FileName}'; it was not processed again.{aboutTags}");
    }

    /// <summary>
    /// The last segment of the name the browser sent, without control or format characters (a right-to-left
    /// override shows "evil\u202Etxt.exe" as "evilexe.txt"); it is only ever displayed.
    /// </summary>
    private static string DisplayName(string fileName)
    {
        var name = fileName.Replace('\\', '/').Split('/').LastOrDefault() ?? string.Empty;
        name = new string([.. name.Where(c => !char.IsControl(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)]).Trim();
        return name.Length <= 255 ? name : name[^255..];
    }
}

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

        // A document id names a document of this base only (Kernel Memory's index): another base's or another
        // team's document with the same id is a different document, and is neither touched nor revealed.
        if (documentId is { } replacedId
            && await db.KnowledgeDocuments.Include(d => d.Tags)
                .SingleOrDefaultAsync(d => d.KnowledgeBaseId == knowledgeBase.Id && d.PublicId == replacedId, cancellationToken) is { } replaced)
        {
            return await ReplaceAsync(db, knowledgeBase, replaced, new UploadOutcome(fileName, UploadStatus.Accepted, replaced.PublicId, null), format, blob, tags, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var document = new KnowledgeDocument
        {
            KnowledgeBaseId = knowledgeBase.Id,
            FileName = fileName,
            Format = format,
            Size = blob.Size,
            Sha256 = blob.Hash,
            Pipeline = IngestionPipeline.Start(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        document.PublicId = documentId ?? document.Id;
        document.Tags = DocumentTags.ToEntities(document.Id, tags);
        db.KnowledgeDocuments.Add(document);
        jobs.Add(db, IngestDocumentJob.JobKind, new IngestDocumentPayload(document.Id));
        audit.Record(db, AuditAction.Created, KnowledgeDocuments.AuditKind, document.Id, fileName, $"uploaded to {knowledgeBase.Name} ({Sizes.Describe(blob.Size)}, {format})");
        try
        {
            await events.SaveQueuedAsync(
                db, () => new DocumentStatusChanged(document.TeamId, knowledgeBase.Id, document.PublicId, DocumentStatus.Queued, null, 0, null, 0, 0), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another upload of the same content, or with the same document id, may have won the race for a unique index.
            var racer = await FindByHashAsync(knowledgeBase.Id, blob.Hash, cancellationToken);
            if (racer is not null)
            {
                return Duplicate(fileName, racer, knowledgeBase.Name, tags);
            }

            if (documentId is { } raced && await ExistsAsync(knowledgeBase.Id, raced, cancellationToken))
            {
                await files.DeleteIfUnusedAsync(blob.Hash, null, cancellationToken);
                return new UploadOutcome(fileName, UploadStatus.Rejected, null,
                    $"Another upload created document {raced} in '{knowledgeBase.Name}' at the same moment; upload again to replace it.");
            }

            throw;
        }

        return new UploadOutcome(fileName, UploadStatus.Accepted, document.PublicId, null);
    }

    private async Task<bool> ExistsAsync(Guid baseId, Guid publicId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.KnowledgeDocuments.AnyAsync(d => d.KnowledgeBaseId == baseId && d.PublicId == publicId, cancellationToken);
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
        if (replaced.Status is DocumentStatus.Queued or DocumentStatus.Processing)
        {
            await files.DeleteIfUnusedAsync(blob.Hash, null, cancellationToken);
            return accepted with
            {
                Status = UploadStatus.Rejected,
                DocumentId = null,
                Message = $"Document {replaced.PublicId} ('{replaced.FileName}') is being ingested; upload again to replace it once it is ready or has failed.",
            };
        }

        var (previousName, previousHash, previousExtracted) = (replaced.FileName, replaced.Sha256, replaced.Pipeline.ExtractedBlob);
        replaced.FileName = accepted.FileName;
        replaced.Format = format;
        replaced.Size = blob.Size;
        replaced.Sha256 = blob.Hash;
        replaced.PageCount = null;
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
        await events.SaveQueuedAsync(
            db, () => new DocumentStatusChanged(replaced.TeamId, knowledgeBase.Id, replaced.PublicId, DocumentStatus.Queued, null, 0, null, replaced.ChunkCount, replaced.TokenCount),
            cancellationToken);
        await files.DeleteIfUnusedAsync(previousHash, previousExtracted, cancellationToken);
        return accepted with { Message = $"Replaced document {replaced.PublicId} ('{previousName}') with this file and its tags; it is ingested again." };
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
        return new(fileName, UploadStatus.Duplicate, existing.PublicId,
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

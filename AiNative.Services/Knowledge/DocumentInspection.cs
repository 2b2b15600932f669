using AiNative.Services.Data;
using AiNative.Services.Knowledge.Extraction;
using AiNative.Services.Knowledge.Ingestion;
using AiNative.Services.Knowledge.Partitioning;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge;

/// <summary>
/// What a document became: the text its extraction read (pages, headings, paragraphs) and the chunks searches find;
/// and, before a base's partitioning changes, what the new settings would make of one of its documents.
/// </summary>
public sealed class DocumentInspection(
    IDbContextFactory<PortalDbContext> dbFactory,
    TeamContext team,
    ExtractedArtifacts artifacts,
    TextPartitioner partitioner)
{
    public const int MaxPageSize = 200;

    /// <summary>The most chunks around a chunk that one request reads on each side.</summary>
    public const int MaxAround = 5;

    /// <summary>The document's searchable chunks in order, with their pages and headings.</summary>
    public async Task<Paged<ChunkView>> ChunksAsync(string index, Guid documentId, int page, int pageSize, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        ValidatePage(new Validation(), page, pageSize).ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var knowledgeBase = await KnowledgeBases.FindAsync(db, index, cancellationToken);
        var document = await FindDocumentAsync(db, knowledgeBase.Id, documentId, cancellationToken);
        var chunks = db.KnowledgeChunks.AsNoTracking()
            .Where(c => c.DocumentId == document.Id && c.Generation == knowledgeBase.ActiveGeneration && c.Searchable);
        var total = await chunks.CountAsync(cancellationToken);
        var items = await chunks.OrderBy(c => c.Ordinal).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new ChunkView(c.Id, document.PublicId, document.FileName, c.KnowledgeBaseId, c.Ordinal, c.Page, c.Heading, c.Text, c.Tokens))
            .ToListAsync(cancellationToken);
        return new Paged<ChunkView>(items, total, page, pageSize);
    }

    /// <summary>A chunk with up to <paramref name="before"/> and <paramref name="after"/> of its neighbours in the same index and document.</summary>
    public async Task<ChunkContext> ContextAsync(long chunkId, int before, int after, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        new Validation()
            .Require(before is >= 0 and <= MaxAround, "Before", $"Read between 0 and {MaxAround} chunks before.")
            .Require(after is >= 0 and <= MaxAround, "After", $"Read between 0 and {MaxAround} chunks after.")
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var chunk = await db.KnowledgeChunks.AsNoTracking().SingleOrDefaultAsync(c => c.Id == chunkId, cancellationToken)
            ?? throw new NotFoundException("Chunk", chunkId);
        var document = await db.KnowledgeDocuments.AsNoTracking().SingleAsync(d => d.Id == chunk.DocumentId, cancellationToken);
        var around = await db.KnowledgeChunks.AsNoTracking()
            .Where(c => c.DocumentId == chunk.DocumentId && c.Generation == chunk.Generation && c.Searchable == chunk.Searchable
                && c.Ordinal >= chunk.Ordinal - before && c.Ordinal <= chunk.Ordinal + after)
            .OrderBy(c => c.Ordinal)
            .Select(c => new ChunkView(c.Id, document.PublicId, document.FileName, c.KnowledgeBaseId, c.Ordinal, c.Page, c.Heading, c.Text, c.Tokens))
            .ToListAsync(cancellationToken);
        return new ChunkContext(
            [.. around.Where(c => c.Ordinal < chunk.Ordinal)],
            around.Single(c => c.Id == chunk.Id),
            [.. around.Where(c => c.Ordinal > chunk.Ordinal)]);
    }

    /// <summary>The document's text as extraction read it, a page of sections at a time.</summary>
    public async Task<ExtractedText> TextAsync(string index, Guid documentId, int page, int pageSize, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        ValidatePage(new Validation(), page, pageSize).ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var knowledgeBase = await KnowledgeBases.FindAsync(db, index, cancellationToken);
        var document = await FindDocumentAsync(db, knowledgeBase.Id, documentId, cancellationToken);
        var extracted = await LoadTextAsync(document, cancellationToken);
        return new ExtractedText(
            new Paged<ExtractedSection>([.. extracted.Sections.Skip((page - 1) * pageSize).Take(pageSize)], extracted.Sections.Count, page, pageSize),
            extracted.Characters,
            extracted.Pages ?? document.PageCount);
    }

    /// <summary>
    /// Cuts one document of the base (<paramref name="documentId"/>, or the newest ready one) with <paramref name="proposed"/>,
    /// without saving anything, so a team sees the chunks before it changes the base's partitioning.
    /// </summary>
    public async Task<PartitioningPreview> PreviewAsync(
        Guid baseId, PartitioningSettings? proposed, Guid? documentId, int take, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        if (proposed is null)
        {
            throw new ValidationFailedException("Partitioning", "Give the partitioning to preview: maxTokensPerChunk, overlapTokens and splitter.");
        }

        new Validation()
            .RequirePartitioning(proposed)
            .Require(take is >= 1 and <= MaxPageSize, "Take", $"Show between 1 and {MaxPageSize} chunks.")
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var knowledgeBase = await db.KnowledgeBases.AsNoTracking().SingleOrDefaultAsync(b => b.Id == baseId, cancellationToken)
            ?? throw new NotFoundException("Knowledge base", baseId);
        var document = documentId is { } id
            ? await FindDocumentAsync(db, baseId, id, cancellationToken)
            : await db.KnowledgeDocuments.AsNoTracking()
                .Where(d => d.KnowledgeBaseId == baseId && d.Status == DocumentStatus.Ready)
                .OrderByDescending(d => d.CreatedAt)
                .FirstOrDefaultAsync(cancellationToken)
              ?? throw new ConflictException($"'{knowledgeBase.Name}' has no ready document to preview the partitioning with. Upload one first.");
        var extracted = await LoadTextAsync(document, cancellationToken);
        var chunks = partitioner.Partition(extracted, proposed);
        var current = await db.KnowledgeChunks
            .Where(c => c.DocumentId == document.Id && c.Generation == knowledgeBase.ActiveGeneration && c.Searchable)
            .GroupBy(c => c.DocumentId)
            .Select(g => new { Count = g.Count(), Tokens = g.Sum(c => (long)c.Tokens) })
            .SingleOrDefaultAsync(cancellationToken);
        return new PartitioningPreview(
            document.PublicId, document.FileName, knowledgeBase.ActivePartitioning, current?.Count ?? 0, current?.Tokens ?? 0,
            proposed, chunks.Count, chunks.Sum(c => (long)c.Tokens), [.. chunks.Take(take)]);
    }

    private static Validation ValidatePage(Validation validation, int page, int pageSize) =>
        validation
            .Require(page >= 1, "Page", "Pages are numbered from 1.")
            .Require(pageSize is >= 1 and <= MaxPageSize, "PageSize", $"The page size must be between 1 and {MaxPageSize}.");

    private static async Task<KnowledgeDocument> FindDocumentAsync(PortalDbContext db, Guid baseId, Guid documentId, CancellationToken cancellationToken) =>
        await db.KnowledgeDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.KnowledgeBaseId == baseId && d.PublicId == documentId, cancellationToken)
        ?? throw new NotFoundException("Document", documentId);

    /// <summary>The stored extracted text, or why there is none to show.</summary>
    private async Task<ExtractedDocument> LoadTextAsync(KnowledgeDocument document, CancellationToken cancellationToken)
    {
        if (artifacts.Exists(document.Pipeline.ExtractedBlob))
        {
            return await artifacts.LoadAsync(document.Pipeline.ExtractedBlob!, cancellationToken);
        }

        throw new ConflictException(document.Status switch
        {
            DocumentStatus.Queued or DocumentStatus.Processing => $"'{document.FileName}' is being ingested; its text shows once it has been extracted.",
            DocumentStatus.Failed => $"'{document.FileName}' has no extracted text: {document.Error}",
            _ => $"The extracted text of '{document.FileName}' is no longer stored. Re-ingest the document to extract it again.",
        });
    }
}

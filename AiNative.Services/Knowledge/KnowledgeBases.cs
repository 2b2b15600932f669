using AiNative.Services.Data;
using AiNative.Services.Knowledge.Ingestion;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Models;
using AiNative.Services.Models.Offline;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Platform.Jobs;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge;

/// <summary>Creates, changes and deletes knowledge bases; a changed model or partitioning re-indexes in the background.</summary>
public sealed class KnowledgeBases(
    IDbContextFactory<PortalDbContext> dbFactory,
    TeamContext team,
    AuditTrail audit,
    JobQueue jobs,
    VectorIndex vectors,
    DocumentFiles files,
    TimeProvider clock)
{
    private const string AuditKind = "KnowledgeBase";

    public async Task<IReadOnlyList<KnowledgeBaseSummary>> ListAsync(CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = await db.KnowledgeBases.OrderBy(b => b.Name).Select(b => b.Id).ToListAsync(cancellationToken);
        var summaries = new List<KnowledgeBaseSummary>(ids.Count);
        foreach (var id in ids)
        {
            summaries.Add(await KnowledgeBaseSummaries.SummarizeAsync(db, id, cancellationToken));
        }

        return summaries;
    }

    public async Task<KnowledgeBaseSummary> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await KnowledgeBaseSummaries.SummarizeAsync(db, id, cancellationToken);
    }

    /// <summary>A base by id or by name: the API's <c>index</c>.</summary>
    public async Task<KnowledgeBase> FindAsync(string index, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await FindAsync(db, index, cancellationToken);
    }

    /// <summary>The base named <paramref name="index"/> (its name or id) in <paramref name="db"/>'s team, for a caller that already checked the role.</summary>
    public static async Task<KnowledgeBase> FindAsync(PortalDbContext db, string index, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(index))
        {
            throw new ValidationFailedException("Index", "Name the knowledge base (its name or id).");
        }

        var name = index.Trim();
        var query = Guid.TryParse(name, out var id) ? db.KnowledgeBases.Where(b => b.Id == id || b.Name == name) : db.KnowledgeBases.Where(b => b.Name == name);
        return await query.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("Knowledge base", name);
    }

    public async Task<KnowledgeBaseSummary> CreateAsync(KnowledgeBaseInput input, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var partitioning = input.Partitioning ?? new PartitioningSettings();
        var model = await ResolveModelAsync(db, input.EmbeddingModelId, cancellationToken);
        Validate(input, partitioning);
        await db.KnowledgeBases.EnsureNameFreeAsync(input.Name.Trim(), null, () => NameTaken(input.Name.Trim()), cancellationToken);
        var now = clock.GetUtcNow();
        var knowledgeBase = new KnowledgeBase
        {
            Name = input.Name.Trim(),
            Description = Clean(input.Description),
            EmbeddingModelId = model.Id,
            ActiveEmbeddingModelId = model.Id,
            Partitioning = partitioning,
            ActivePartitioning = partitioning,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.KnowledgeBases.Add(knowledgeBase);
        audit.Record(db, AuditAction.Created, AuditKind, knowledgeBase.Id, knowledgeBase.Name,
            $"embedding model {model.Name}; {Describe(partitioning)}");
        await db.SaveUniqueAsync(e => NameTaken(knowledgeBase.Name, e), cancellationToken);
        return await KnowledgeBaseSummaries.SummarizeAsync(db, knowledgeBase.Id, cancellationToken);
    }

    /// <summary>
    /// Renames and re-describes at once; a new embedding model or partitioning, or a re-index that
    /// failed, starts a re-index while searches keep answering from the current index until the new
    /// one is complete.
    /// </summary>
    public async Task<KnowledgeBaseSummary> UpdateAsync(Guid id, KnowledgeBaseInput input, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var knowledgeBase = await db.KnowledgeBases.Include(b => b.EmbeddingModel).SingleOrDefaultAsync(b => b.Id == id, cancellationToken)
            ?? throw new NotFoundException("Knowledge base", id);
        var partitioning = input.Partitioning ?? knowledgeBase.Partitioning;
        var model = await ResolveModelAsync(db, input.EmbeddingModelId ?? knowledgeBase.EmbeddingModelId, cancellationToken);
        Validate(input, partitioning);
        await db.KnowledgeBases.EnsureNameFreeAsync(input.Name.Trim(), id, () => NameTaken(input.Name.Trim()), cancellationToken);

        var summary = AuditTrail.Changes(
            ("name", knowledgeBase.Name, input.Name.Trim()),
            ("embedding model", knowledgeBase.EmbeddingModel.Name, model.Name),
            ("partitioning", Describe(knowledgeBase.Partitioning), Describe(partitioning)));
        // Saving a base whose re-index failed tries the re-index again, once its cause is fixed.
        var rebuild = model.Id != knowledgeBase.EmbeddingModelId || partitioning != knowledgeBase.Partitioning || knowledgeBase.ReindexError is not null;
        knowledgeBase.Name = input.Name.Trim();
        knowledgeBase.Description = Clean(input.Description);
        knowledgeBase.EmbeddingModelId = model.Id;
        knowledgeBase.Partitioning = partitioning;
        knowledgeBase.UpdatedAt = clock.GetUtcNow();
        if (rebuild)
        {
            await StartReindexAsync(db, knowledgeBase, cancellationToken);
        }

        audit.Record(db, AuditAction.Updated, AuditKind, knowledgeBase.Id, knowledgeBase.Name, summary);
        await db.SaveUniqueAsync(e => NameTaken(knowledgeBase.Name, e), cancellationToken);
        jobs.Wake();
        return await KnowledgeBaseSummaries.SummarizeAsync(db, knowledgeBase.Id, cancellationToken);
    }

    /// <summary>Deletes the base with its documents, chunks and vectors, and the files no other document uses.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var knowledgeBase = await db.KnowledgeBases.SingleOrDefaultAsync(b => b.Id == id, cancellationToken)
            ?? throw new NotFoundException("Knowledge base", id);
        var documents = await db.KnowledgeDocuments.Where(d => d.KnowledgeBaseId == id)
            .Select(d => new { d.Sha256, d.Pipeline }).ToListAsync(cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.KnowledgeChunks.Where(c => c.KnowledgeBaseId == id).ExecuteDeleteAsync(cancellationToken);
            await KeywordIndexMaintenance.BaseDeletedAsync(db, id, cancellationToken);
            await db.KnowledgeDocuments.Where(d => d.KnowledgeBaseId == id).ExecuteDeleteAsync(cancellationToken);
            db.KnowledgeBases.Remove(knowledgeBase);
            audit.Record(db, AuditAction.Deleted, AuditKind, id, knowledgeBase.Name, $"{documents.Count} document(s)");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        vectors.BaseDeleted(id);
        foreach (var document in documents)
        {
            await files.DeleteIfUnusedAsync(document.Sha256, document.Pipeline.ExtractedBlob, cancellationToken);
        }
    }

    private async Task StartReindexAsync(PortalDbContext db, KnowledgeBase knowledgeBase, CancellationToken cancellationToken)
    {
        if (!await db.KnowledgeDocuments.AnyAsync(d => d.KnowledgeBaseId == knowledgeBase.Id, cancellationToken))
        {
            // Nothing to rebuild: the new settings apply at once.
            knowledgeBase.ActiveEmbeddingModelId = knowledgeBase.EmbeddingModelId;
            knowledgeBase.ActivePartitioning = knowledgeBase.Partitioning;
            knowledgeBase.BuildingGeneration = null;
            return;
        }

        var highest = await db.KnowledgeChunks.Where(c => c.KnowledgeBaseId == knowledgeBase.Id)
            .MaxAsync(c => (int?)c.Generation, cancellationToken) ?? 0;
        var generation = Math.Max(Math.Max(highest, knowledgeBase.ActiveGeneration), knowledgeBase.BuildingGeneration ?? 0) + 1;
        knowledgeBase.BuildingGeneration = generation;
        knowledgeBase.ReindexError = null;
        jobs.Add(db, ReindexJob.JobKind, new ReindexPayload(knowledgeBase.Id, generation));
    }

    private async Task<ModelDefinition> ResolveModelAsync(PortalDbContext db, Guid? modelId, CancellationToken cancellationToken)
    {
        if (modelId is { } id)
        {
            var model = await db.Models.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken)
                ?? throw new ValidationFailedException("EmbeddingModelId", "The embedding model was not found in this team; it may have been deleted. Choose another.");
            return model.Kind == ModelKind.Embedding
                ? model
                : throw new ValidationFailedException("EmbeddingModelId", $"'{model.Name}' is a chat model; choose an embedding model.");
        }

        return await db.Models.AsNoTracking().Where(m => m.Kind == ModelKind.Embedding)
                .OrderByDescending(m => m.Name == OfflineModels.EmbeddingModelId).ThenBy(m => m.Name)
                .FirstOrDefaultAsync(cancellationToken)
            ?? throw new ValidationFailedException("EmbeddingModelId", "The team has no embedding model. Register one on the Models page first.");
    }

    private static void Validate(KnowledgeBaseInput input, PartitioningSettings partitioning) =>
        new Validation()
            .RequireText(input.Name, "Name", 100)
            .Require((input.Description?.Length ?? 0) <= 1000, "Description", "The description must be at most 1,000 characters.")
            .RequirePartitioning(partitioning)
            .ThrowIfInvalid();

    private static ConflictException NameTaken(string name, Exception? inner = null) =>
        new($"A knowledge base named '{name}' already exists in this team. Choose another name.", inner);

    private static string Describe(PartitioningSettings p) => $"{p.Splitter} splitter, {p.MaxTokensPerChunk} tokens, {p.OverlapTokens} overlap";

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

using AiNative.Services.Data;
using AiNative.Services.Knowledge.Ingestion;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge;

/// <summary>A base with its document counts and, while re-indexing, the re-index job's progress.</summary>
internal static class KnowledgeBaseSummaries
{
    public static async Task<KnowledgeBaseSummary> SummarizeAsync(PortalDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var knowledgeBase = await db.KnowledgeBases.AsNoTracking().Include(b => b.EmbeddingModel).SingleOrDefaultAsync(b => b.Id == id, cancellationToken)
            ?? throw new NotFoundException("Knowledge base", id);
        var statuses = await db.KnowledgeDocuments.Where(d => d.KnowledgeBaseId == id)
            .GroupBy(d => d.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Chunks = g.Sum(d => (long)d.ChunkCount), Tokens = g.Sum(d => d.TokenCount) })
            .ToListAsync(cancellationToken);
        var ready = statuses.Where(s => s.Status == DocumentStatus.Ready).ToList();
        double? progress = null;
        if (knowledgeBase.BuildingGeneration is not null)
        {
            var key = id.ToString();
            progress = await db.Jobs.Where(j => j.Kind == ReindexJob.JobKind && j.Payload.Contains(key) && j.Status != JobStatus.Succeeded)
                .OrderByDescending(j => j.CreatedAt).Select(j => (double?)j.Progress).FirstOrDefaultAsync(cancellationToken);
        }

        return new KnowledgeBaseSummary(
            knowledgeBase.Id,
            knowledgeBase.Name,
            knowledgeBase.Description,
            knowledgeBase.EmbeddingModelId,
            knowledgeBase.EmbeddingModel.Name,
            knowledgeBase.Partitioning,
            knowledgeBase.ActiveGeneration,
            knowledgeBase.BuildingGeneration is not null,
            progress,
            knowledgeBase.ReindexError,
            statuses.Sum(s => s.Count),
            ready.Sum(s => s.Count),
            statuses.Where(s => s.Status == DocumentStatus.Failed).Sum(s => s.Count),
            ready.Sum(s => s.Chunks),
            ready.Sum(s => s.Tokens),
            knowledgeBase.CreatedAt,
            knowledgeBase.UpdatedAt);
    }
}

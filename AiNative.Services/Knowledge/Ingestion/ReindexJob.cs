using AiNative.Services.Data;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Knowledge.Ingestion;

/// <summary>
/// Rebuilds a base's index into its building generation with the chosen model and partitioning,
/// document by document, while searches keep reading the active generation; then swaps the two
/// in one transaction and drops the old one. A rerun skips documents already rebuilt.
/// </summary>
internal sealed class ReindexJob(
    IDbContextFactory<PortalDbContext> dbFactory,
    IngestionOrchestrator orchestrator,
    VectorIndex vectors,
    IOptions<JobOptions> jobOptions,
    TimeProvider clock) : IJobHandler
{
    public const string JobKind = "knowledge.reindex";

    private static readonly TimeSpan WaitForIngestion = TimeSpan.FromSeconds(2);

    public string Kind => JobKind;

    public async Task<JobOutcome> RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        var payload = run.PayloadAs<ReindexPayload>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var knowledgeBase = await db.KnowledgeBases.AsNoTracking().SingleOrDefaultAsync(b => b.Id == payload.KnowledgeBaseId, cancellationToken);
        if (knowledgeBase?.BuildingGeneration != payload.Generation)
        {
            return JobOutcome.Done;
        }

        // Chunks of an abandoned build (settings changed again) are of no generation in use.
        await db.KnowledgeChunks
            .Where(c => c.KnowledgeBaseId == knowledgeBase.Id && c.Generation != knowledgeBase.ActiveGeneration && c.Generation != payload.Generation)
            .ExecuteDeleteAsync(cancellationToken);

        if (await InFlightAsync(db, knowledgeBase.Id, cancellationToken) is > 0 and var busy)
        {
            return WaitFor(busy);
        }

        var started = clock.GetTimestamp();
        var missing = await MissingAsync(db, knowledgeBase.Id, payload.Generation, cancellationToken);
        var done = 0;
        foreach (var document in missing)
        {
            var result = await RebuildAsync(document, knowledgeBase, payload.Generation, cancellationToken);
            if (result.Kind == Ingestion.StepResultKind.DocumentDeleted)
            {
                continue;
            }

            if (result.Kind == Ingestion.StepResultKind.TransientError)
            {
                return JobOutcome.Retry(result.Message ?? "Retrying.");
            }

            if (result.Kind != Ingestion.StepResultKind.Success)
            {
                return JobOutcome.Fail($"Re-indexing '{document.FileName}' failed: {result.Message}");
            }

            await run.ReportProgressAsync((double)++done / missing.Count, $"{done} of {missing.Count} documents", cancellationToken);

            // A large base is rebuilt over several runs, each well within the jobs' maximum run time; rebuilt documents are kept.
            if (done < missing.Count && clock.GetElapsedTime(started) > jobOptions.Value.MaxRunTime / 2)
            {
                return JobOutcome.Postpone($"Rebuilt {done} of {missing.Count} documents; continuing.", TimeSpan.Zero);
            }
        }

        return await SwapAsync(db, knowledgeBase.Id, payload.Generation, cancellationToken);
    }

    public async Task OnFailedAsync(JobRun run, string reason, CancellationToken cancellationToken)
    {
        var payload = run.PayloadAs<ReindexPayload>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.KnowledgeBases.Where(b => b.Id == payload.KnowledgeBaseId && b.BuildingGeneration == payload.Generation)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ReindexError, reason.Length <= 2000 ? reason : reason[..2000]), cancellationToken);
    }

    private static Task<int> InFlightAsync(PortalDbContext db, Guid baseId, CancellationToken cancellationToken) =>
        db.KnowledgeDocuments.CountAsync(
            d => d.KnowledgeBaseId == baseId && (d.Status == DocumentStatus.Queued || d.Status == DocumentStatus.Processing), cancellationToken);

    // Waiting is not failing: however long the ingestion takes, it uses none of the re-index's attempts.
    private static JobOutcome WaitFor(int busy) => JobOutcome.Postpone($"Waiting for {busy} document(s) being ingested.", WaitForIngestion);

    private static Task<List<KnowledgeDocument>> MissingAsync(PortalDbContext db, Guid baseId, int generation, CancellationToken cancellationToken) =>
        db.KnowledgeDocuments.AsNoTracking()
            .Where(d => d.KnowledgeBaseId == baseId && d.Status == DocumentStatus.Ready)
            .Where(d => !db.KnowledgeChunks.Any(c => c.DocumentId == d.Id && c.Generation == generation && c.Searchable))
            .OrderBy(d => d.CreatedAt)
            .ToListAsync(cancellationToken);

    /// <summary>Runs partition, embed and save for the building generation on a copy of the document that is never saved.</summary>
    private Task<StepResult> RebuildAsync(KnowledgeDocument document, KnowledgeBase knowledgeBase, int generation, CancellationToken cancellationToken)
    {
        var steps = document.Pipeline.ExtractedBlob is null ? PipelineSteps.All : PipelineSteps.All.Skip(1).ToList();
        document.Pipeline = document.Pipeline with
        {
            Generation = generation,
            RemainingSteps = [.. steps],
            CompletedSteps = [.. PipelineSteps.All.Except(steps)],
        };
        var context = new PipelineContext
        {
            Document = document,
            Base = knowledgeBase,
            IsReindex = true,
            ReportProgressAsync = (_, _) => Task.CompletedTask,
        };
        return orchestrator.RunStepsAsync(context, _ => Task.CompletedTask, () => Task.CompletedTask, cancellationToken);
    }

    private async Task<JobOutcome> SwapAsync(PortalDbContext db, Guid baseId, int generation, CancellationToken cancellationToken)
    {
        // SQLite's transactions take the write lock at BEGIN, so no upload or re-ingest starts between these checks and the swap.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var knowledgeBase = await db.KnowledgeBases.SingleOrDefaultAsync(b => b.Id == baseId, cancellationToken);
        if (knowledgeBase?.BuildingGeneration != generation)
        {
            return JobOutcome.Done;
        }

        // A document ingested meanwhile writes the active generation, which the swap drops: wait for it, then rebuild it too.
        if (await InFlightAsync(db, baseId, cancellationToken) is > 0 and var busy)
        {
            return WaitFor(busy);
        }

        if ((await MissingAsync(db, baseId, generation, cancellationToken)).Count > 0)
        {
            return JobOutcome.Postpone("Documents were added while re-indexing; indexing them too.", TimeSpan.Zero);
        }

        var previous = knowledgeBase.ActiveGeneration;
        knowledgeBase.ActiveGeneration = generation;
        knowledgeBase.ActiveEmbeddingModelId = knowledgeBase.EmbeddingModelId;
        knowledgeBase.ActivePartitioning = knowledgeBase.Partitioning;
        knowledgeBase.BuildingGeneration = null;
        knowledgeBase.ReindexError = null;
        knowledgeBase.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await db.KnowledgeChunks.Where(c => c.KnowledgeBaseId == baseId && c.Generation != generation).ExecuteDeleteAsync(cancellationToken);
        await UpdateDocumentCountsAsync(db, baseId, generation, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        vectors.Drop(baseId, previous);
        return JobOutcome.Done;
    }

    private static async Task UpdateDocumentCountsAsync(PortalDbContext db, Guid baseId, int generation, CancellationToken cancellationToken)
    {
        var counts = await db.KnowledgeChunks.Where(c => c.KnowledgeBaseId == baseId && c.Generation == generation && c.Searchable)
            .GroupBy(c => c.DocumentId)
            .Select(g => new { DocumentId = g.Key, Chunks = g.Count(), Tokens = g.Sum(c => (long)c.Tokens) })
            .ToListAsync(cancellationToken);
        foreach (var count in counts)
        {
            await db.KnowledgeDocuments.Where(d => d.Id == count.DocumentId)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ChunkCount, count.Chunks).SetProperty(d => d.TokenCount, count.Tokens), cancellationToken);
        }
    }
}

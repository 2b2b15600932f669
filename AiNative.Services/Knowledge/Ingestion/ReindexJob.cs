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
    JobQueue jobs,
    KnowledgeEvents events,
    IOptions<JobOptions> jobOptions,
    TimeProvider clock) : IJobHandler
{
    public const string JobKind = "knowledge.reindex";

    private static readonly TimeSpan WaitForIngestion = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Ingestion is resumed when its job is missing, so waiting ends unless documents keep arriving
    /// or a job keeps being retried; after this long the re-index stops and says so rather than show "re-indexing" for ever.
    /// </summary>
    public static readonly TimeSpan MaxWaitForIngestion = TimeSpan.FromHours(12);

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
        await KeywordIndexMaintenance.GenerationsRetiredAsync(db, knowledgeBase.Id, [knowledgeBase.ActiveGeneration, payload.Generation], cancellationToken);
        await db.KnowledgeChunks
            .Where(c => c.KnowledgeBaseId == knowledgeBase.Id && c.Generation != knowledgeBase.ActiveGeneration && c.Generation != payload.Generation)
            .ExecuteDeleteAsync(cancellationToken);

        if (await InFlightIngestion.ListAsync(db, knowledgeBase.Id, cancellationToken) is { Count: > 0 } inFlight)
        {
            return await WaitForAsync(db, payload, inFlight, cancellationToken);
        }

        var started = clock.GetTimestamp();
        var missing = await MissingAsync(db, knowledgeBase.Id, payload.Generation, cancellationToken);

        // Counted over the whole base, so a continuation run goes on from where the last one stopped instead of from 0.
        var total = await db.KnowledgeDocuments.CountAsync(d => d.KnowledgeBaseId == knowledgeBase.Id && d.Status == DocumentStatus.Ready, cancellationToken);
        var done = Math.Max(total - missing.Count, 0);
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

            await run.ReportProgressAsync((double)++done / total, $"{done} of {total} documents", cancellationToken);

            // A large base is rebuilt over several runs, each well within the jobs' maximum run time; rebuilt documents are kept.
            if (done < total && clock.GetElapsedTime(started) > jobOptions.Value.MaxRunTime / 2)
            {
                return JobOutcome.Postpone($"Rebuilt {done} of {total} documents; continuing.", TimeSpan.Zero, payload with { WaitingSince = null });
            }
        }

        return await SwapAsync(db, payload, cancellationToken);
    }

    public async Task OnFailedAsync(JobRun run, string reason, CancellationToken cancellationToken)
    {
        var payload = run.PayloadAs<ReindexPayload>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.KnowledgeBases.Where(b => b.Id == payload.KnowledgeBaseId && b.BuildingGeneration == payload.Generation)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ReindexError, reason.Length <= 2000 ? reason : reason[..2000]), cancellationToken);
        events.RaiseReindexEnded(payload.KnowledgeBaseId);
    }

    /// <summary>
    /// Waiting is not failing: it uses none of the re-index's attempts. A document no job will ever
    /// finish is resumed, and waiting longer than <see cref="MaxWaitForIngestion"/> in all fails the re-index.
    /// </summary>
    private async Task<JobOutcome> WaitForAsync(PortalDbContext db, ReindexPayload payload, IReadOnlyList<Guid> inFlight, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var since = payload.WaitingSince ?? now;
        if (now - since > MaxWaitForIngestion)
        {
            return JobOutcome.Fail(
                $"Re-indexing waited more than {MaxWaitForIngestion.TotalHours:0} hours for {inFlight.Count} document(s) being ingested and stopped; "
                + "searches keep using the index built with the previous settings.");
        }

        var resumed = await InFlightIngestion.ResumeStrandedAsync(db, jobs, inFlight, cancellationToken);
        if (resumed > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            jobs.Wake();
        }

        var reason = resumed > 0
            ? $"Waiting for {inFlight.Count} document(s) being ingested ({resumed} resumed: their ingestion had stopped)."
            : $"Waiting for {inFlight.Count} document(s) being ingested.";
        return JobOutcome.Postpone(reason, WaitForIngestion, payload with { WaitingSince = since });
    }

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

    private async Task<JobOutcome> SwapAsync(PortalDbContext db, ReindexPayload payload, CancellationToken cancellationToken)
    {
        var (baseId, generation) = (payload.KnowledgeBaseId, payload.Generation);
        // SQLite's transactions take the write lock at BEGIN, so no upload or re-ingest starts between these checks and the swap.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var knowledgeBase = await db.KnowledgeBases.SingleOrDefaultAsync(b => b.Id == baseId, cancellationToken);
        if (knowledgeBase?.BuildingGeneration != generation)
        {
            return JobOutcome.Done;
        }

        // A document ingested meanwhile writes the active generation, which the swap drops: wait for it, then rebuild it too.
        if (await InFlightIngestion.ListAsync(db, baseId, cancellationToken) is { Count: > 0 } inFlight)
        {
            // Resuming a stranded document writes a job: outside this transaction, which rolls back.
            await transaction.RollbackAsync(cancellationToken);
            return await WaitForAsync(db, payload, inFlight, cancellationToken);
        }

        if ((await MissingAsync(db, baseId, generation, cancellationToken)).Count > 0)
        {
            return JobOutcome.Postpone("Documents were added while re-indexing; indexing them too.", TimeSpan.Zero, payload with { WaitingSince = null });
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
        await KeywordIndexMaintenance.GenerationsRetiredAsync(db, baseId, [generation], cancellationToken);
        await UpdateDocumentCountsAsync(db, baseId, generation, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        vectors.GenerationRetired(baseId, previous);
        events.RaiseReindexEnded(baseId);
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

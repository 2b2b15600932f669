using AiNative.Services.Data;
using AiNative.Services.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge.Ingestion;

/// <summary>
/// Runs a document's remaining steps in order, each by its named handler, keeping the pipeline state
/// and status on the document (Kernel Memory's in-process orchestrator), so a process killed between
/// steps resumes at the step it had not finished. No step's start is committed on its own: a step that
/// writes rows (partition, the save) writes the state after it in the same transaction, and the outcome
/// is saved with the state: a commit each costs a small document more than its steps' work. Every step
/// is idempotent, so a run killed inside one resumes at the last state written and redoes the steps since.
/// </summary>
public sealed class IngestionOrchestrator(
    IDbContextFactory<PortalDbContext> dbFactory,
    IEnumerable<IPipelineStepHandler> handlers,
    KnowledgeEvents events,
    TimeProvider clock)
{
    private static readonly TimeSpan ProgressPersistInterval = TimeSpan.FromMilliseconds(500);

    private readonly Dictionary<string, IPipelineStepHandler> _handlers = handlers.ToDictionary(h => h.StepName);
    private long _progressPersistedAt;

    public async Task<JobOutcome> RunAsync(Guid documentId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.KnowledgeDocuments.Include(d => d.KnowledgeBase).SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null || document.Status == DocumentStatus.Ready)
        {
            // Deleted meanwhile, or finished by an earlier attempt that died before recording the job.
            return JobOutcome.Done;
        }

        try
        {
            return await RunDocumentAsync(db, document, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Deleted while a step ran: its state or chunks found no document row to go with.
            if (await db.KnowledgeDocuments.AnyAsync(d => d.Id == documentId, CancellationToken.None))
            {
                throw;
            }

            return JobOutcome.Done;
        }
    }

    private async Task<JobOutcome> RunDocumentAsync(PortalDbContext db, KnowledgeDocument document, CancellationToken cancellationToken)
    {
        // When the step that just ended wrote the state after it with its own rows (and so the start of the next step).
        DateTimeOffset? writtenWithStep = null;
        var context = new PipelineContext
        {
            Document = document,
            Base = document.KnowledgeBase,
            ReportProgressAsync = (progress, ct) => ReportAsync(document, progress, ct),
            SaveStateWithAsync = async (stepDb, ct) => writtenWithStep = await WriteStateAfterStepAsync(stepDb, document, ct),
        };
        var outcome = await RunStepsAsync(context, step =>
        {
            Enter(document, step);
            AcceptStateWritten(db, document, writtenWithStep);
            writtenWithStep = null;
            Interlocked.Exchange(ref _progressPersistedAt, clock.GetTimestamp());
            return Task.CompletedTask;
        }, () => SaveAsync(db, document, cancellationToken), cancellationToken);

        switch (outcome.Kind)
        {
            case StepResultKind.Success:
                Enter(document, null);
                if (writtenWithStep is null)
                {
                    await SaveAsync(db, document, cancellationToken);
                }
                else
                {
                    AcceptStateWritten(db, document, writtenWithStep);
                }

                return JobOutcome.Done;
            case StepResultKind.DocumentDeleted:
                return JobOutcome.Done;
            case StepResultKind.TransientError:
                document.Error = outcome.Message;
                await KeepHeldChunksAsync(db, context, () => SaveAsync(db, document, cancellationToken), cancellationToken);
                return JobOutcome.Retry(outcome.Message ?? "Retrying.");
            default:
                var reason = outcome.Message ?? "Ingestion failed.";
                await KeepHeldChunksAsync(db, context, () => FailAsync(db, document, reason, cancellationToken), cancellationToken);
                return JobOutcome.Fail(reason);
        }
    }

    /// <summary>
    /// Saves an outcome with the chunks held for the save step, as partitioning writes them, so that a retry resumes at
    /// the step that stopped (the state says partitioning is done) and finds them.
    /// </summary>
    private static async Task KeepHeldChunksAsync(PortalDbContext db, PipelineContext context, Func<Task> save, CancellationToken cancellationToken)
    {
        if (context.HeldChunks is not { Count: > 0 } held)
        {
            await save();
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await PartitionStep.WriteUnfinishedAsync(db, context.Document.Id, held[0].Generation, held, cancellationToken);
        await save();
        await transaction.CommitAsync(cancellationToken);
        context.HeldChunks = null;
    }

    /// <summary>
    /// Runs the remaining steps of <paramref name="context"/>; <paramref name="starting"/> saves state before each
    /// step, which includes the steps finished before it, and <paramref name="persist"/> after a restart (a re-index
    /// saves nothing of the document). The caller saves the state after the last step with the outcome.
    /// </summary>
    public async Task<StepResult> RunStepsAsync(
        PipelineContext context,
        Func<string, Task> starting,
        Func<Task> persist,
        CancellationToken cancellationToken)
    {
        var restarts = 0;
        while (context.Pipeline.RemainingSteps.FirstOrDefault() is { } step)
        {
            await starting(step);
            var result = await _handlers[step].InvokeAsync(context, cancellationToken);
            switch (result.Kind)
            {
                case StepResultKind.Success:
                    context.Pipeline = context.Pipeline.CompleteStep(step);
                    break;
                case StepResultKind.Restart when restarts++ < PipelineSteps.All.Count:
                    context.Pipeline = RestartAt(context.Pipeline, result.RestartStep!);
                    if (result.RestartStep is PipelineSteps.Extract or PipelineSteps.Partition)
                    {
                        context.HeldChunks = null;
                    }

                    await persist();
                    break;
                case StepResultKind.Restart:
                    return StepResult.FatalError(result.Message ?? "The pipeline kept restarting.");
                default:
                    return result;
            }
        }

        return StepResult.Success;
    }

    public async Task FailAsync(PortalDbContext db, KnowledgeDocument document, string reason, CancellationToken cancellationToken)
    {
        document.Status = DocumentStatus.Failed;
        document.Error = reason.Length <= 2000 ? reason : reason[..2000];
        await SaveAsync(db, document, cancellationToken);
    }

    private static IngestionPipeline RestartAt(IngestionPipeline pipeline, string step) => step switch
    {
        // The generation stays: a re-index whose extracted text is gone extracts again into the generation it builds.
        PipelineSteps.Extract => IngestionPipeline.Start() with { Generation = pipeline.Generation },
        PipelineSteps.Partition => pipeline.RestartFromPartition(),
        _ => pipeline with
        {
            RemainingSteps = [.. PipelineSteps.All.SkipWhile(s => s != step)],
            CompletedSteps = [.. PipelineSteps.All.TakeWhile(s => s != step)],
        },
    };

    /// <summary>The document at the start of <paramref name="step"/>, or ready after the last step (null).</summary>
    private static void Enter(KnowledgeDocument document, string? step)
    {
        document.Status = step is null ? DocumentStatus.Ready : DocumentStatus.Processing;
        document.Step = step;
        document.Progress = step is null ? 1 : 0;
        document.Error = null;
    }

    /// <summary>
    /// Takes the state the step before wrote with its rows (at <paramref name="writtenAt"/>) as saved; a step's start is
    /// not committed of its own (each commit costs a small document more than its work). Pages hear of the state either way.
    /// </summary>
    private void AcceptStateWritten(PortalDbContext db, KnowledgeDocument document, DateTimeOffset? writtenAt)
    {
        if (writtenAt is { } at)
        {
            document.UpdatedAt = at;
            db.ChangeTracker.AcceptAllChanges();
        }

        Raise(document);
    }

    /// <summary>
    /// Writes with a step's context, in its transaction, what <see cref="Enter"/> and the step's own changes make of the
    /// document once the running step succeeds. Only the columns ingestion changes: the row is not the orchestrator's alone.
    /// </summary>
    private async Task<DateTimeOffset> WriteStateAfterStepAsync(PortalDbContext stepDb, KnowledgeDocument document, CancellationToken cancellationToken)
    {
        var pipeline = document.Pipeline.CompleteStep(document.Pipeline.RemainingSteps[0]);
        var next = pipeline.RemainingSteps.FirstOrDefault();
        var status = next is null ? DocumentStatus.Ready : DocumentStatus.Processing;
        var progress = next is null ? 1.0 : 0.0;
        var (pages, chunks, tokens) = (document.PageCount, document.ChunkCount, document.TokenCount);
        var now = clock.GetUtcNow();
        await stepDb.KnowledgeDocuments.Where(d => d.Id == document.Id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Pipeline, pipeline)
            .SetProperty(d => d.Status, status)
            .SetProperty(d => d.Step, next)
            .SetProperty(d => d.Progress, progress)
            .SetProperty(d => d.Error, (string?)null)
            .SetProperty(d => d.PageCount, pages)
            .SetProperty(d => d.ChunkCount, chunks)
            .SetProperty(d => d.TokenCount, tokens)
            .SetProperty(d => d.UpdatedAt, now), cancellationToken);
        return now;
    }

    private async Task SaveAsync(PortalDbContext db, KnowledgeDocument document, CancellationToken cancellationToken)
    {
        document.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        Raise(document);
    }

    private async Task ReportAsync(KnowledgeDocument document, double progress, CancellationToken cancellationToken)
    {
        document.Progress = progress;
        Raise(document);

        // Pages follow the events (on every replica); the column, for reloads, is written at most every interval
        // from the step's start, since each write is a database commit. A step's end is saved with the next step's start.
        var now = clock.GetTimestamp();
        var last = Interlocked.Read(ref _progressPersistedAt);
        if (progress >= 1 || clock.GetElapsedTime(last, now) < ProgressPersistInterval)
        {
            return;
        }

        Interlocked.Exchange(ref _progressPersistedAt, now);
        await using var progressDb = await dbFactory.CreateDbContextAsync(cancellationToken);
        await progressDb.KnowledgeDocuments.Where(d => d.Id == document.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Progress, progress), cancellationToken);
    }

    private void Raise(KnowledgeDocument document) => events.Raise(new DocumentStatusChanged(
        document.TeamId, document.KnowledgeBaseId, document.PublicId, document.Status, document.Step, document.Progress,
        document.Error, document.ChunkCount, document.TokenCount));
}

using AiNative.Services.Data;
using AiNative.Services.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge.Ingestion;

/// <summary>
/// Runs a document's remaining steps in order, each by its named handler, and saves the pipeline
/// state and status at the start of every step (Kernel Memory's in-process orchestrator), so a process
/// killed between steps resumes at the step it had not finished. A finished step's state is saved
/// with the next step's start (or the document's outcome) in one commit: a commit each costs a small
/// document more than its steps' work.
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
        var context = new PipelineContext
        {
            Document = document,
            Base = document.KnowledgeBase,
            ReportProgressAsync = (progress, ct) => ReportAsync(document, progress, ct),
        };
        var outcome = await RunStepsAsync(context, async step =>
        {
            document.Status = DocumentStatus.Processing;
            document.Step = step;
            document.Progress = 0;
            document.Error = null;
            await SaveAsync(db, document, cancellationToken);
        }, () => SaveAsync(db, document, cancellationToken), cancellationToken);

        switch (outcome.Kind)
        {
            case StepResultKind.Success:
                document.Status = DocumentStatus.Ready;
                document.Step = null;
                document.Progress = 1;
                await SaveAsync(db, document, cancellationToken);
                return JobOutcome.Done;
            case StepResultKind.DocumentDeleted:
                return JobOutcome.Done;
            case StepResultKind.TransientError:
                document.Error = outcome.Message;
                await SaveAsync(db, document, cancellationToken);
                return JobOutcome.Retry(outcome.Message ?? "Retrying.");
            default:
                await FailAsync(db, document, outcome.Message ?? "Ingestion failed.", cancellationToken);
                return JobOutcome.Fail(outcome.Message ?? "Ingestion failed.");
        }
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

        // Pages follow the events (on every replica); the column, for reloads, is written at most
        // every interval, since each write is a database commit.
        var now = clock.GetTimestamp();
        var last = Interlocked.Read(ref _progressPersistedAt);
        if (progress < 1 && last != 0 && clock.GetElapsedTime(last, now) < ProgressPersistInterval)
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

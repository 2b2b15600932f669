using System.Text;
using AiNative.Services.Data;
using AiNative.Services.Datasets;
using AiNative.Services.Execution;
using AiNative.Services.Experiments.Planning;
using AiNative.Services.Models.Invocation;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Traces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Experiments.Running;

/// <summary>
/// Runs one claimed cell in its experiment's team: the variant's prompt version over the item's variables through
/// the execution core (<see cref="PromptExecutor"/>, one trace of source Experiment), then every pinned evaluator
/// (<see cref="CellEvaluator"/>), whose results become scores on that trace. A provider's 429 is handed back to the
/// runner to wait out; any other failure fails the cell with the provider's (or the portal's) reason.
/// </summary>
internal sealed class CellExecution(
    IDbContextFactory<PortalDbContext> dbFactory,
    PromptExecutor executor,
    CellEvaluator evaluator,
    IOptions<ExperimentOptions> options,
    TimeProvider clock)
{
    public const string TraceTag = "experiment";

    /// <summary>Runs the cell; cancellation (the experiment cancelled, the process stopping) is thrown for the runner to record.</summary>
    public async Task<CellOutcome> RunAsync(ClaimedCell cell, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        if (cell.Attempts > options.Value.MaxAttempts)
        {
            return Failed(ExperimentTexts.TooManyAttempts(cell.Attempts), started);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var experiment = await db.Experiments.AsNoTracking().Include(e => e.Variants).SingleAsync(e => e.Id == cell.ExperimentId, cancellationToken);
        var variant = experiment.Variants.Single(v => v.Id == cell.VariantId);
        var version = experiment.DatasetVersion;
        var item = await db.DatasetItems.AsNoTracking()
            .Where(i => i.DatasetId == experiment.DatasetId && i.ItemId == cell.ItemId && i.ValidFrom <= version && (i.ValidTo == null || i.ValidTo > version))
            .SingleOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return Failed(ExperimentTexts.ItemMissing(experiment.DatasetName, version), started);
        }

        var request = new RunRequest
        {
            ModelId = variant.ModelId,
            PromptId = variant.PromptId,
            PromptVersion = variant.PromptVersion,
            Values = ExperimentEstimator.Values(item),
            Settings = variant.Settings,
            Source = TraceSource.Experiment,
            Tags = [TraceTag],
            SessionId = experiment.Id.ToString(),
        };
        var call = await CallAsync(request, cancellationToken);
        if (call.Finished is not { } finished)
        {
            return Failed(call.ModelMissing ? ExperimentTexts.ModelMissing(variant.ModelName) : call.Problem!, started);
        }

        var trace = finished.Run.Trace;
        var result = new CellResult
        {
            Output = Keep(call.Output),
            TraceId = trace.Id,
            LatencyMs = trace.LatencyMs,
            InputTokens = trace.InputTokens,
            OutputTokens = trace.OutputTokens,
            Cost = trace.Cost,
            StartedAt = started,
        };
        switch (finished.Failure)
        {
            case ProviderCallException { Failure: ProviderFailure.RateLimited } limited when cell.RateLimitRetries < options.Value.MaxRateLimitRetries:
                return new CellRateLimited(limited.RetryAfter, limited.Message, trace.Cost);
            case ProviderCallException { Failure: ProviderFailure.RateLimited } limited:
                return new CellFinished(CellStatus.Failed, result with { Error = ExperimentTexts.RateLimitedTooOften(cell.RateLimitRetries, limited.Message) }, []);
            case { } failure:
                return new CellFinished(CellStatus.Failed, result with { Error = failure.Message }, []);
        }

        if (trace.Status != TraceStatus.Succeeded)
        {
            return new CellFinished(CellStatus.Failed, result with { Error = trace.ProblemDetail ?? PromptExecutor.UnexpectedDetail }, []);
        }

        var scored = await evaluator.EvaluateAsync(experiment, variant, item, call.Messages, call.Output, finished.Run, cancellationToken);
        return new CellFinished(CellStatus.Succeeded, result with { Evaluations = scored.Evaluations }, scored.Scores);
    }

    /// <summary>Runs the prompt and collects its answer; a problem found before anything was sent (a deleted model, a template that does not render) is the cell's failure.</summary>
    private async Task<Call> CallAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var output = new StringBuilder();
        IReadOnlyList<ChatMessage> messages = [];
        try
        {
            await foreach (var update in executor.RunAsync(request, cancellationToken))
            {
                switch (update)
                {
                    case RunRendered rendered:
                        messages = [.. rendered.Messages.Select(m => new ChatMessage(new ChatRole(m.Role), m.Content))];
                        break;
                    case RunDelta delta:
                        output.Append(delta.Text);
                        break;
                    case RunFinished finished:
                        return new Call(finished, output.ToString(), messages, null);
                }
            }
        }
        catch (PortalException e)
        {
            return new Call(null, output.ToString(), messages, e.Message) { ModelMissing = e.Errors.ContainsKey(PromptExecutor.ModelField) };
        }

        return new Call(null, output.ToString(), messages, "The run ended without a result.");
    }

    private static CellFinished Failed(string reason, DateTimeOffset started) =>
        new(CellStatus.Failed, new CellResult { Error = reason, StartedAt = started }, []);

    private static string Keep(string output) =>
        output.Length <= ExperimentRules.OutputMaxLength ? output : $"{output[..ExperimentRules.OutputMaxLength]}\n\n[… the answer was longer; the cell keeps its first {ExperimentRules.OutputMaxLength:N0} characters]";

    private sealed record Call(RunFinished? Finished, string Output, IReadOnlyList<ChatMessage> Messages, string? Problem)
    {
        /// <summary>The variant's model is gone (deleted while the experiment ran).</summary>
        public bool ModelMissing { get; init; }
    }
}

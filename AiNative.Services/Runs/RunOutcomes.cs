using AiNative.Services.Models.Invocation;
using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Runs;

/// <summary>Writes how a run ended onto the run and its model-call step.</summary>
internal static class RunOutcomes
{
    public const string UnexpectedTitle = "Something went wrong on the server";

    public const string UnexpectedDetail = "The run stopped unexpectedly and the error is logged. Try again; if it keeps failing, tell an administrator.";

    public static void Complete(PromptRun run, TraceStep step, InvocationResult result)
    {
        run.Status = RunStatus.Succeeded;
        run.Output = result.Text;
        run.FinishReason = result.FinishReason;
        run.ModelCallId = result.CallId;
        Measure(run, step, result.Usage, result.Cost, result.TimeToFirstToken, result.Latency);
        step.Set("gen_ai.response.finish_reasons", result.FinishReason).Set("ainative.model_call.id", result.CallId).End(RunStatus.Succeeded);
    }

    public static void Fail(PromptRun run, TraceStep step, Exception? failure, string output, TimeSpan? firstToken, (TokenUsage Usage, decimal Cost) estimate)
    {
        (run.ProblemTitle, run.ProblemDetail) = failure is PortalException problem
            ? (problem.Title, Shorten(problem.Message))
            : (UnexpectedTitle, UnexpectedDetail);
        step.Set("error.type", failure switch
        {
            ProviderCallException provider => provider.Failure.ToString(),
            null => "Unknown",
            _ => failure.GetType().Name,
        });

        // A provider failure names the call it recorded; a run refused before the call has none.
        Stop(run, step, RunStatus.Failed, output, firstToken, estimate, (failure as ProviderCallException)?.CallId);
    }

    /// <summary>Ends a run that did not complete; <paramref name="callId"/> is the call's record when the call reached the provider.</summary>
    public static void Stop(
        PromptRun run,
        TraceStep step,
        RunStatus status,
        string output,
        TimeSpan? firstToken,
        (TokenUsage Usage, decimal Cost) estimate,
        Guid? callId)
    {
        run.Status = status;
        run.Output = output;
        run.ModelCallId = callId;
        Measure(run, step, estimate.Usage, estimate.Cost, firstToken, step.Elapsed);
        step.Set("ainative.model_call.id", callId).End(status);
    }

    private static void Measure(PromptRun run, TraceStep step, TokenUsage usage, decimal cost, TimeSpan? firstToken, TimeSpan latency)
    {
        run.InputTokens = usage.InputTokens;
        run.OutputTokens = usage.OutputTokens;
        run.UsageEstimated = usage.IsEstimated;
        run.Cost = cost;
        run.TimeToFirstTokenMs = firstToken?.TotalMilliseconds;
        run.LatencyMs = latency.TotalMilliseconds;
        step.Set("gen_ai.usage.input_tokens", usage.InputTokens)
            .Set("gen_ai.usage.output_tokens", usage.OutputTokens)
            .Set("ainative.usage.estimated", usage.IsEstimated)
            .Set("ainative.cost.usd", cost)
            .Set("ainative.time_to_first_token_ms", firstToken is { } first ? Math.Round(first.TotalMilliseconds) : null);
    }

    private static string Shorten(string text) =>
        text.Length <= RunRules.ProblemDetailMaxLength ? text : $"{text[..(RunRules.ProblemDetailMaxLength - 1)]}…";
}

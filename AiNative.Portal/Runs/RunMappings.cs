using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Portal.Client.Contracts.Runs;
using AiNative.Portal.Platform;
using AiNative.Portal.Prompts;
using AiNative.Portal.Traces;
using AiNative.Services.Execution;
using AiNative.Services.Traces;
using AiNative.Services.Traces.Queries;

namespace AiNative.Portal.Runs;

/// <summary>Between the execution core's types (a run is a playground trace) and the API contract's DTOs.</summary>
internal static class RunMappings
{
    public static RunRequest ToRunRequest(this StartRunRequest request) => new()
    {
        ModelId = request.ModelId,
        PromptId = request.PromptId,
        PromptVersion = request.PromptVersion,
        SystemTemplate = request.SystemTemplate,
        UserTemplate = request.UserTemplate,
        Variables = request.Variables.ToVariables(),
        Values = request.Values ?? new Dictionary<string, string?>(),
        Settings = request.Settings.ToSettings(),
        Retrieval = request.Retrieval.ToSettings(),
    };

    public static RunEventDto ToDto(this RunEvent update) => update switch
    {
        RunRendered rendered => new RunRenderedEventDto(
            rendered.RunId, [.. rendered.Messages.Select(ToDto)], [.. rendered.Steps.Select(s => s.ToSpanDto(rendered.StartedAt))]),
        RunDelta delta => new RunDeltaEventDto(delta.Text),
        RunFinished { Run.Trace.Status: TraceStatus.Succeeded } finished => new RunCompletedEventDto(finished.Run.ToDetailsDto()),
        RunFinished finished => new RunFailedEventDto(
            finished.Run.ToDetailsDto(),
            finished.Failure?.ToProblem() ?? new ApiProblem(500, finished.Run.Trace.ProblemTitle ?? "The run failed", finished.Run.Trace.ProblemDetail)),
        _ => throw new ArgumentOutOfRangeException(nameof(update), update, "A run event the API does not know."),
    };

    public static RunSummaryDto ToSummaryDto(this Trace run) =>
        new(run.Id, run.PromptId, run.PromptName, run.PromptVersion, run.ModelId ?? Guid.Empty, run.ModelName ?? string.Empty, (RunStatusDto)run.Status,
            Problem(run.ProblemTitle, run.ProblemDetail), run.FinishReason, run.InputTokens, run.OutputTokens, run.UsageEstimated, run.Cost,
            run.TimeToFirstTokenMs, run.LatencyMs, Preview(run.Output ?? string.Empty), run.ActorName ?? string.Empty, run.StartedAt);

    public static RunSummaryDto ToRunDto(this TraceListItem run) =>
        new(run.Id, run.PromptId, run.PromptName, run.PromptVersion, run.ModelId ?? Guid.Empty, run.ModelName ?? string.Empty, (RunStatusDto)run.Status,
            Problem(run.ProblemTitle, run.ProblemDetail), run.FinishReason, run.InputTokens, run.OutputTokens, run.UsageEstimated, run.Cost,
            run.TimeToFirstTokenMs, run.LatencyMs, run.OutputPreview, run.ActorName ?? string.Empty, run.StartedAt);

    public static RunPageDto ToRunPageDto(this TracePage page) => new([.. page.Items.Select(ToRunDto)], page.Total, page.Page, page.PageSize);

    public static RunDetailsDto ToDetailsDto(this RunRecord run)
    {
        var input = run.Input;
        return new RunDetailsDto(run.Trace.ToSummaryDto(), input.SystemTemplate, input.UserTemplate,
            [.. input.Variables.Select(v => new RunVariableDto(v.Name, v.Value))],
            input.Settings.ToDto(),
            [.. run.Messages.Select(ToDto)],
            run.Trace.Output ?? string.Empty,
            [.. run.Observations.Select(o => o.ToSpanDto(run.Trace.StartedAt))],
            input.Retrieval?.ToDto());
    }

    private static RunMessageDto ToDto(TraceMessage message) => new(message.Role, message.Content);

    private static RunSpanDto ToSpanDto(this Observation step, DateTimeOffset runStart) =>
        new(step.Name, (RunStatusDto)step.Status, Math.Max(0, (step.StartedAt - runStart).TotalMilliseconds), step.DurationMs, step.Attributes,
            [.. step.Hits.Select(h => h.ToDto())], step.Type == ObservationType.Retrieval ? step.Input : null);

    private static RunProblemDto? Problem(string? title, string? detail) => title is null ? null : new RunProblemDto(title, detail);

    private static string Preview(string output) => output.Length <= TraceRules.PreviewLength ? output : output[..TraceRules.PreviewLength];
}

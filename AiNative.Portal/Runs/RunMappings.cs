using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Portal.Client.Contracts.Runs;
using AiNative.Portal.Platform;
using AiNative.Portal.Prompts;
using AiNative.Services.Runs;

namespace AiNative.Portal.Runs;

/// <summary>Between the run services' types and the API contract's DTOs.</summary>
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
        RunRendered rendered => new RunRenderedEventDto(rendered.RunId, rendered.Messages.Select(ToDto).ToList(), rendered.Spans.Select(ToDto).ToList()),
        RunDelta delta => new RunDeltaEventDto(delta.Text),
        RunFinished { Run.Status: RunStatus.Succeeded } finished => new RunCompletedEventDto(finished.Run.ToSummaryDto()),
        RunFinished finished => new RunFailedEventDto(
            finished.Run.ToSummaryDto(),
            finished.Failure?.ToProblem() ?? new ApiProblem(500, finished.Run.ProblemTitle ?? "The run failed", finished.Run.ProblemDetail)),
        _ => throw new ArgumentOutOfRangeException(nameof(update), update, "A run event the API does not know."),
    };

    public static RunSummaryDto ToSummaryDto(this PromptRun run) =>
        new(run.Id, run.PromptId, run.PromptName, run.PromptVersion, run.ModelId, run.ModelName, (RunStatusDto)run.Status,
            Problem(run.ProblemTitle, run.ProblemDetail), run.FinishReason, run.InputTokens, run.OutputTokens, run.UsageEstimated, run.Cost,
            run.TimeToFirstTokenMs, run.LatencyMs, Preview(run.Output), run.ActorName, run.StartedAt);

    public static RunSummaryDto ToDto(this RunSummary run) =>
        new(run.Id, run.PromptId, run.PromptName, run.PromptVersion, run.ModelId, run.ModelName, (RunStatusDto)run.Status,
            Problem(run.ProblemTitle, run.ProblemDetail), run.FinishReason, run.InputTokens, run.OutputTokens, run.UsageEstimated, run.Cost,
            run.TimeToFirstTokenMs, run.LatencyMs, run.OutputPreview, run.ActorName, run.StartedAt);

    public static RunPageDto ToDto(this RunPage page) => new(page.Items.Select(ToDto).ToList(), page.Total, page.Page, page.PageSize);

    public static RunDetailsDto ToDetailsDto(this PromptRun run) =>
        new(run.ToSummaryDto(), run.SystemTemplate, run.UserTemplate,
            run.Variables.Select(v => new RunVariableDto(v.Name, v.Value)).ToList(),
            run.Settings.ToDto(),
            run.Messages.Select(ToDto).ToList(),
            run.Output,
            run.Spans.Select(ToDto).ToList(),
            run.Retrieval?.ToDto());

    private static RunMessageDto ToDto(RunMessage message) => new(message.Role, message.Content);

    private static RunSpanDto ToDto(RunSpan span) =>
        new(span.Name, (RunStatusDto)span.Status, span.StartOffsetMs, span.DurationMs, span.Attributes,
            span.Hits.Select(h => new RetrievedChunkDto(
                h.Number, h.ChunkId, h.DocumentId, h.DocumentName, h.Page, h.Heading, h.Relevance, h.VectorScore, h.KeywordScore, h.FusedScore)).ToList());

    private static RunProblemDto? Problem(string? title, string? detail) => title is null ? null : new RunProblemDto(title, detail);

    private static string Preview(string output) => output.Length <= RunRules.PreviewLength ? output : output[..RunRules.PreviewLength];
}

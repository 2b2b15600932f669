using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Portal.Client.Contracts.Runs;

namespace AiNative.Portal.Tests.Playground;

/// <summary>Saved runs as the API returns them, to change one thing at a time.</summary>
internal static class RunSamples
{
    public static RunSummaryDto Summary(
        RunStatusDto status = RunStatusDto.Succeeded,
        bool estimated = false,
        RunProblemDto? problem = null,
        Guid? promptId = null) =>
        new(Guid.NewGuid(), promptId, promptId is null ? null : "Support answer", promptId is null ? null : 2, Guid.NewGuid(), "fake-chat",
            status, problem, status == RunStatusDto.Succeeded ? "stop" : null, 93, 12, estimated, 0.000282m, 169, 725, "Echo", "Ada Admin", DateTimeOffset.UtcNow);

    public static RunDetailsDto Details(RunSummaryDto summary, string output = "Echo: hello") =>
        new(summary, "You answer from {{$context}}.", "{{$question}}",
            [new RunVariableDto("context", "Docs"), new RunVariableDto("question", "Where are labels?")],
            new PromptSettingsDto(0.4f, null, 300),
            [new RunMessageDto("system", "You answer from Docs."), new RunMessageDto("user", "Where are labels?")],
            output,
            [new RunSpanDto("render", RunStatusDto.Succeeded, 0, 5, new Dictionary<string, string>()),
             new RunSpanDto("model call", summary.Status, 5, 720, new Dictionary<string, string> { ["gen_ai.usage.output_tokens"] = "12" })]);
}

using AiNative.Portal.Client.Contracts.Runs;
using AiNative.Portal.Client.Contracts.Traces;

namespace AiNative.Portal.Tests.Traces;

/// <summary>Traces, steps and score definitions as the API returns them, to change one thing at a time.</summary>
internal static class TraceSamples
{
    public static readonly DateTimeOffset Start = new(2026, 12, 6, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The demo team's three definitions.</summary>
    public static IReadOnlyList<ScoreDefinitionDto> Definitions { get; } =
    [
        new(Guid.CreateVersion7(), "correct", "The answer is right and grounded in its sources.", ScoreDataTypeDto.Boolean, null, null, []),
        new(Guid.CreateVersion7(), "helpfulness", "How much the answer helps, from 1 (not at all) to 5 (fully).", ScoreDataTypeDto.Numeric, 1, 5, []),
        new(Guid.CreateVersion7(), "user-feedback", "What the application's user said of the answer.", ScoreDataTypeDto.Categorical, null, null,
            ["positive", "negative"]),
    ];

    public static TraceSummaryDto Summary(
        string name = "Support answer",
        TraceStatusDto status = TraceStatusDto.Succeeded,
        TraceSourceDto source = TraceSourceDto.Playground,
        double latencyMs = 200,
        bool estimated = false,
        string preview = "Echo: hello") =>
        new(Guid.CreateVersion7(), source, name, status, Start, latencyMs, Guid.CreateVersion7(), "Support answer", 2, "fake-chat", 93, 12, estimated,
            0.000282m, 40, status == TraceStatusDto.Succeeded ? "stop" : null,
            status == TraceStatusDto.Failed ? "The provider is limiting the rate" : null,
            status == TraceStatusDto.Failed ? "The provider answered 429. Wait a moment and try again." : null,
            "Ada Admin", "user-17", "session-4", ["support"], preview);

    public static ObservationDto Observation(
        ObservationTypeDto type,
        string name,
        double startMs,
        double durationMs,
        Guid? parentId = null,
        string? input = null,
        string? output = null,
        IReadOnlyList<RetrievedChunkDto>? hits = null,
        IReadOnlyDictionary<string, string>? attributes = null) =>
        new(Guid.CreateVersion7(), parentId, type, name, TraceStatusDto.Succeeded, Start.AddMilliseconds(startMs), startMs, durationMs,
            type == ObservationTypeDto.Generation ? "fake-chat" : null, input, output,
            type == ObservationTypeDto.Generation ? 93 : 0, type == ObservationTypeDto.Generation ? 12 : 0, false,
            type == ObservationTypeDto.Generation ? 0.000282m : 0, type == ObservationTypeDto.Generation ? 40 : null,
            type == ObservationTypeDto.Generation ? "stop" : null, null, attributes ?? new Dictionary<string, string>(), hits ?? []);

    public static TraceDetailsDto Details(
        TraceSummaryDto summary,
        IReadOnlyList<ObservationDto> observations,
        IReadOnlyList<ScoreDto>? scores = null,
        TracePrivacyDto privacy = TracePrivacyDto.Full,
        string? input = "{\"question\":\"Where are labels?\"}",
        string? output = "Echo: hello") =>
        new(summary, privacy, input, output, new Dictionary<string, string>(), observations, scores ?? []);
}

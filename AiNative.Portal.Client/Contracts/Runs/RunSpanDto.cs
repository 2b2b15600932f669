namespace AiNative.Portal.Client.Contracts.Runs;

/// <summary>One step of a run's trace (<c>render</c>, <c>retrieve</c>, <c>model call</c>), timed from the run's start.</summary>
public sealed record RunSpanDto(
    string Name,
    RunStatusDto Status,
    double StartOffsetMs,
    double DurationMs,
    IReadOnlyDictionary<string, string> Attributes);

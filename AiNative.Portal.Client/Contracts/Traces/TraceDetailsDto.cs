namespace AiNative.Portal.Client.Contracts.Traces;

/// <summary>A trace in full: its input and output (untrusted; absent when the team's privacy kept none), observations in the order they started, and scores.</summary>
public sealed record TraceDetailsDto(
    TraceSummaryDto Summary,
    TracePrivacyDto Privacy,
    string? Input,
    string? Output,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<ObservationDto> Observations,
    IReadOnlyList<ScoreDto> Scores);

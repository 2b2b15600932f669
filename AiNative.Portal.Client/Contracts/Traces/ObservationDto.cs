using AiNative.Portal.Client.Contracts.Runs;

namespace AiNative.Portal.Client.Contracts.Traces;

/// <summary>
/// One step of a trace, timed from the trace's start (<see cref="StartOffsetMs"/>), nested by
/// <see cref="ParentId"/>. Input and output are untrusted, and absent when the team's privacy kept none.
/// </summary>
public sealed record ObservationDto(
    Guid Id,
    Guid? ParentId,
    ObservationTypeDto Type,
    string Name,
    TraceStatusDto Status,
    DateTimeOffset StartedAt,
    double StartOffsetMs,
    double DurationMs,
    string? ModelName,
    string? Input,
    string? Output,
    long InputTokens,
    long OutputTokens,
    bool UsageEstimated,
    decimal Cost,
    double? TimeToFirstTokenMs,
    string? FinishReason,
    string? Error,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<RetrievedChunkDto> Hits);

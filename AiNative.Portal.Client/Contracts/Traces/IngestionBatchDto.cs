using System.Text.Json;

namespace AiNative.Portal.Client.Contracts.Traces;

/// <summary>
/// Traces and observations an application recorded itself (at most 1,000 items together). Input and
/// output may be any JSON: a string is kept as it is, anything else as its JSON text.
/// </summary>
public sealed record IngestionBatchDto(IReadOnlyList<IngestedTraceDto>? Traces = null, IReadOnlyList<IngestedObservationDto>? Observations = null);

/// <summary>A trace: <c>name</c> and <c>startedAt</c> are required; an <c>id</c> lets later batches add observations to it.</summary>
public sealed record IngestedTraceDto(
    Guid? Id = null,
    string? Name = null,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? EndedAt = null,
    TraceStatusDto? Status = null,
    JsonElement? Input = null,
    JsonElement? Output = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyDictionary<string, string>? Metadata = null,
    string? UserId = null,
    string? SessionId = null);

/// <summary>
/// An observation of a trace in this batch or an earlier one: <c>traceId</c>, <c>name</c> and <c>startedAt</c> are
/// required. A <c>model</c> that names a registered model prices the tokens when no <c>cost</c> is given.
/// </summary>
public sealed record IngestedObservationDto(
    Guid? Id = null,
    Guid? TraceId = null,
    Guid? ParentId = null,
    ObservationTypeDto? Type = null,
    string? Name = null,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? EndedAt = null,
    TraceStatusDto? Status = null,
    string? Model = null,
    JsonElement? Input = null,
    JsonElement? Output = null,
    long? InputTokens = null,
    long? OutputTokens = null,
    decimal? Cost = null,
    double? TimeToFirstTokenMs = null,
    string? FinishReason = null,
    string? Error = null,
    IReadOnlyDictionary<string, string>? Attributes = null);

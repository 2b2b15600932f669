namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>
/// A grounded answer (Kernel Memory's <c>MemoryAnswer</c>): the text citing sources as [n], the
/// sources, and what the call cost. With <see cref="NoResult"/> no model was called. <see cref="TraceId"/> is
/// the trace that recorded it (the search and the model call), at <c>traces/{id}</c>.
/// </summary>
public sealed record AnswerDto(
    string Index,
    Guid IndexId,
    string Question,
    string Text,
    bool NoResult,
    string? NoResultReason,
    IReadOnlyList<CitationDto> RelevantSources,
    string? ModelName,
    long InputTokens,
    long OutputTokens,
    decimal Cost,
    double RetrievalMs,
    double? LatencyMs,
    Guid? TraceId = null);

using AiNative.Services.Knowledge.Search;
using AiNative.Services.Models.Invocation;

namespace AiNative.Services.Knowledge.Answers;

/// <summary>
/// A grounded answer with its numbered sources (Kernel Memory's <c>MemoryAnswer</c>). When nothing
/// relevant enough was found (no model was called), or the model replied that the sources do not hold
/// the answer, <see cref="NoResult"/> is true and <see cref="NoResultReason"/> says which. <see cref="TraceId"/> is the trace that recorded it.
/// </summary>
public sealed record Answer(
    Guid KnowledgeBaseId,
    string KnowledgeBaseName,
    string Question,
    string Text,
    bool NoResult,
    string? NoResultReason,
    IReadOnlyList<Citation> Citations,
    Guid? CallId,
    string? ModelName,
    TokenUsage? Usage,
    decimal Cost,
    SearchTiming Retrieval,
    TimeSpan? Latency,
    Guid TraceId);

namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>
/// Source [<see cref="Number"/>] of an answer; <see cref="ChunkId"/> opens it; <see cref="Cited"/> when the answer refers to it;
/// <see cref="Quoted"/> marks the sentences of <see cref="Text"/> that the answer's sentences citing it came from.
/// </summary>
public sealed record CitationDto(
    int Number,
    long ChunkId,
    Guid DocumentId,
    string SourceName,
    int? Page,
    string? Heading,
    double Relevance,
    string Text,
    bool Cited,
    IReadOnlyList<HighlightDto>? Quoted = null);

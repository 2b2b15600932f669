namespace AiNative.Services.Knowledge.Answers;

/// <summary>
/// Source [<see cref="Number"/>] of an answer: the chunk it opens, where it is, whether the answer cited it, and which of
/// its sentences the answer's sentences citing it came from (<see cref="Quoted"/>, ranges of <see cref="Text"/>).
/// </summary>
public sealed record Citation(
    int Number,
    long ChunkId,
    Guid DocumentId,
    string DocumentName,
    int? Page,
    string? Heading,
    double Relevance,
    string Text,
    bool Cited,
    IReadOnlyList<Search.TextRange> Quoted);

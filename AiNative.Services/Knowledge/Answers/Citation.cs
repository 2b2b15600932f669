namespace AiNative.Services.Knowledge.Answers;

/// <summary>Source [<see cref="Number"/>] of an answer: the chunk it opens, where it is, and whether the answer cited it.</summary>
public sealed record Citation(
    int Number,
    long ChunkId,
    Guid DocumentId,
    string DocumentName,
    int? Page,
    string? Heading,
    double Relevance,
    string Text,
    bool Cited);

namespace AiNative.Services.Knowledge.Partitioning;

/// <summary>A chunk as cut from a document, before it is stored and embedded.</summary>
public sealed record PartitionedChunk(string Text, int Tokens, int? Page, string? Heading);

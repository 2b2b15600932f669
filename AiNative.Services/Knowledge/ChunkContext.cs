using AiNative.Services.Knowledge.Search;

namespace AiNative.Services.Knowledge;

/// <summary>A chunk with the chunks just before and after it in its document: the text around a citation.</summary>
public sealed record ChunkContext(IReadOnlyList<ChunkView> Before, ChunkView Chunk, IReadOnlyList<ChunkView> After);

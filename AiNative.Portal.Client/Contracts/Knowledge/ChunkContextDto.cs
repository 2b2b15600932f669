namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>A chunk with the chunks just before and after it in its document: the text around a citation.</summary>
public sealed record ChunkContextDto(IReadOnlyList<ChunkDto> Before, ChunkDto Chunk, IReadOnlyList<ChunkDto> After);

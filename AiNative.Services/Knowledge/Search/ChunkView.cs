namespace AiNative.Services.Knowledge.Search;

/// <summary>One chunk as a citation opens it.</summary>
public sealed record ChunkView(long Id, Guid DocumentId, string DocumentName, Guid KnowledgeBaseId, int Ordinal, int? Page, string? Heading, string Text, int Tokens);

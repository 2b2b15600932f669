namespace AiNative.Portal.Client.Contracts.Knowledge;

public sealed record ChunkDto(
    long ChunkId,
    Guid DocumentId,
    string SourceName,
    Guid IndexId,
    int PartitionNumber,
    int? Page,
    string? Heading,
    string Text,
    int Tokens);

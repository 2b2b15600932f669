namespace AiNative.Portal.Client.Contracts.Knowledge;

public sealed record PartitioningDto(int MaxTokensPerChunk, int OverlapTokens, SplitterDto Splitter);

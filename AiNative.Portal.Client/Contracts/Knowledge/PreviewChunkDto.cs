namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>A chunk a partitioning would make; not saved, so it has no id.</summary>
public sealed record PreviewChunkDto(int PartitionNumber, int? Page, string? Heading, string Text, int Tokens);

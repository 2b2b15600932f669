using AiNative.Services.Knowledge.Partitioning;

namespace AiNative.Services.Knowledge;

/// <summary>How documents are cut into chunks.</summary>
public sealed record PartitioningSettings
{
    public const int MinChunkTokens = 50;
    public const int MaxChunkTokens = 8_000;

    public int MaxTokensPerChunk { get; init; } = 300;

    /// <summary>Tokens a chunk repeats from the end of the one before, so a sentence cut at a boundary is found whole.</summary>
    public int OverlapTokens { get; init; } = 40;

    public SplitterKind Splitter { get; init; } = SplitterKind.Markdown;
}

using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Knowledge;

internal static class PartitioningValidation
{
    /// <summary>The rules a base's partitioning follows, for saving it and for previewing it.</summary>
    public static Validation RequirePartitioning(this Validation validation, PartitioningSettings partitioning) =>
        validation
            .Require(
                partitioning.MaxTokensPerChunk is >= PartitioningSettings.MinChunkTokens and <= PartitioningSettings.MaxChunkTokens,
                "Partitioning.MaxTokensPerChunk",
                $"Maximum tokens per chunk must be between {PartitioningSettings.MinChunkTokens} and {PartitioningSettings.MaxChunkTokens:N0}.")
            .Require(
                partitioning.OverlapTokens >= 0 && partitioning.OverlapTokens <= partitioning.MaxTokensPerChunk / 2,
                "Partitioning.OverlapTokens",
                "Overlap must be between 0 and half the maximum tokens per chunk.")
            .Require(Enum.IsDefined(partitioning.Splitter), "Partitioning.Splitter", "Choose the Markdown or the plain-text splitter.");
}

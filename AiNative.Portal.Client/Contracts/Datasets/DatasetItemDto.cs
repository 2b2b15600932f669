using System.Text.Json.Nodes;

namespace AiNative.Portal.Client.Contracts.Datasets;

/// <summary>
/// An item as it is in one version. <see cref="Id"/> is the item's, the same in every version; <see cref="Number"/>
/// is its place in the dataset; <see cref="Version"/> the version that gave it this content.
/// </summary>
public sealed record DatasetItemDto(
    Guid Id,
    long Number,
    JsonObject Variables,
    string? ExpectedOutput,
    IReadOnlyList<string> ExpectedSources,
    JsonObject Metadata,
    Guid? SourceTraceId,
    int Version,
    DateTimeOffset CreatedAt);

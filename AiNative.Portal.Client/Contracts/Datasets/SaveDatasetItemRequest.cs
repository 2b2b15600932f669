using System.Text.Json.Nodes;

namespace AiNative.Portal.Client.Contracts.Datasets;

/// <summary>An item's content: input variables (a JSON object), an optional expected output, expected source documents and metadata.</summary>
public sealed record SaveDatasetItemRequest(
    JsonObject Variables,
    string? ExpectedOutput = null,
    IReadOnlyList<string>? ExpectedSources = null,
    JsonObject? Metadata = null);

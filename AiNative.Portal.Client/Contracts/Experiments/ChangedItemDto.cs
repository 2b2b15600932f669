using System.Text.Json.Nodes;

namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>An item whose score changed (right − left), as the right side's version holds it, with the cell of each side.</summary>
public sealed record ChangedItemDto(
    Guid ItemId, long Number, JsonObject? Variables, string? ExpectedOutput, double Change, ExperimentCellDto Left, ExperimentCellDto Right);

using System.Text.Json.Nodes;

namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>
/// A dataset item (its number, variables and expected output as the pinned version has them; null when the dataset no
/// longer has it) and its cells in the variants' order.
/// </summary>
public sealed record ExperimentRowDto(Guid ItemId, long Number, JsonObject? Variables, string? ExpectedOutput, IReadOnlyList<ExperimentCellDto> Cells);

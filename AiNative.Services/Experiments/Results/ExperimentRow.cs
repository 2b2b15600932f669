namespace AiNative.Services.Experiments.Results;

/// <summary>
/// One row of the side-by-side view: a dataset item (its variables as JSON and expected output, when the dataset still
/// has it) and its cells in the variants' order.
/// </summary>
public sealed record ExperimentRow(Guid ItemId, long Position, string? Input, string? ExpectedOutput, IReadOnlyList<ExperimentCell> Cells);

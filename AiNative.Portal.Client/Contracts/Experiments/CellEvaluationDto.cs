namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>One evaluator's result for a cell: a value (1 or 0 for a check) and whether it passed, or the error that kept it from scoring.</summary>
public sealed record CellEvaluationDto(string Evaluator, double? Value, bool? Passed, string? Reason, string? Error);

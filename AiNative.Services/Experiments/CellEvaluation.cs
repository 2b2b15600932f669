namespace AiNative.Services.Experiments;

/// <summary>
/// One evaluator's result for a cell: a value (1 or 0 for a check) and whether it passed, or an error that says why
/// the evaluator could not score, which is never counted as 0.
/// </summary>
public sealed record CellEvaluation(string Evaluator, double? Value, bool? Passed, string? Reason, string? Error)
{
    public bool IsError => Error is not null;
}

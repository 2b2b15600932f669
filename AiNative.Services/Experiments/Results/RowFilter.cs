namespace AiNative.Services.Experiments.Results;

/// <summary>Which rows of the side-by-side view to show.</summary>
public enum RowFilter
{
    All = 1,

    /// <summary>Items whose cell failed in at least one variant.</summary>
    Failures = 2,

    /// <summary>
    /// Items where a variant scored below the baseline on some evaluator, failed a check the baseline passed, or failed
    /// where the baseline's cell succeeded.
    /// </summary>
    Regressions = 3,

    /// <summary>Items with a cell whose evaluators disagree: one passed it, another failed it.</summary>
    Disagreements = 4,
}

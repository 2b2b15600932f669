namespace AiNative.Services.Experiments.Results;

/// <summary>Which rows of the side-by-side view to show.</summary>
public enum RowFilter
{
    All = 1,

    /// <summary>Items whose cell failed in at least one variant.</summary>
    Failures = 2,
}

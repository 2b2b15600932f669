namespace AiNative.Services.Experiments.Results;

/// <summary>The order of the side-by-side rows.</summary>
public enum RowOrder
{
    /// <summary>The dataset's order.</summary>
    Dataset = 1,

    /// <summary>The worst change of score against the baseline first; rows with nothing to compare last.</summary>
    ScoreChange = 2,
}

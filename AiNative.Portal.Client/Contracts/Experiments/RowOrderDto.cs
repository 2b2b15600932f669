namespace AiNative.Portal.Client.Contracts.Experiments;

public enum RowOrderDto
{
    /// <summary>The dataset's order.</summary>
    Dataset = 1,

    /// <summary>The worst change of score against the baseline first.</summary>
    ScoreChange = 2,
}

namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>How a side's variant was chosen.</summary>
public enum VariantChoiceDto
{
    /// <summary>As the request named it.</summary>
    Chosen = 1,

    /// <summary>The best mean on the first evaluator both experiments pinned.</summary>
    Best = 2,

    /// <summary>The experiment's baseline (no means to choose by).</summary>
    Baseline = 3,

    /// <summary>Comparing an experiment with itself: the first variant the other side does not use.</summary>
    First = 4,
}

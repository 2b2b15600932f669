namespace AiNative.Services.Experiments.Comparison;

/// <summary>Which changed items to list: those the right side scored lower than the left (worst first), or higher (best first).</summary>
public enum ChangeDirection
{
    Regressed = 1,
    Improved = 2,
}

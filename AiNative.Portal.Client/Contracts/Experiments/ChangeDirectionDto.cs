namespace AiNative.Portal.Client.Contracts.Experiments;

public enum ChangeDirectionDto
{
    /// <summary>Items the right side scored lower than the left, worst first.</summary>
    Regressed = 1,

    /// <summary>Items the right side scored higher than the left, best first.</summary>
    Improved = 2,
}

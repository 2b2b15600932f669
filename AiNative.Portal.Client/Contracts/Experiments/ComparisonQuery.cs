namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>The experiments to compare, left (the reference) and right, and optionally a variant of each; without one, each side's best or baseline.</summary>
public sealed record ComparisonQuery(Guid Left, Guid Right, Guid? LeftVariant = null, Guid? RightVariant = null);

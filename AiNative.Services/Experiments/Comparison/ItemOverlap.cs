namespace AiNative.Services.Experiments.Comparison;

/// <summary>
/// How the two sides' items match by their stable identity (a dataset item keeps its id in every version): in both,
/// only in one; and how many of those in both were edited between the two pinned versions.
/// </summary>
public sealed record ItemOverlap(int Shared, int OnlyLeft, int OnlyRight, int EditedBetweenVersions);

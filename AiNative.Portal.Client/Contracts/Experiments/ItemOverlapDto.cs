namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>Items in both sides (every figure is over these), only in the left, only in the right, and those in both that were edited between the two versions.</summary>
public sealed record ItemOverlapDto(int Shared, int OnlyLeft, int OnlyRight, int EditedBetweenVersions);

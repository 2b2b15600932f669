namespace AiNative.Portal.Client.Contracts.Runs;

/// <summary>Why a saved run failed, in the words it failed with.</summary>
public sealed record RunProblemDto(string Title, string? Detail);

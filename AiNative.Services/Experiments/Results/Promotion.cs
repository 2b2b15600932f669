namespace AiNative.Services.Experiments.Results;

/// <summary>A label of a prompt moved to a variant's version, and the version it pointed at before (none when new).</summary>
public sealed record Promotion(Guid PromptId, string PromptName, string Label, int? PreviousVersion, int Version);

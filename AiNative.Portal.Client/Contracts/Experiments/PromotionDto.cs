namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>A label of a prompt moved to a variant's version, and the version it pointed at before (none when new).</summary>
public sealed record PromotionDto(Guid PromptId, string PromptName, string Label, int? PreviousVersion, int Version);

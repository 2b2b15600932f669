namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>The label to move to the variant's prompt version; production when none is named.</summary>
public sealed record PromoteRequest(string? Label = null);

namespace AiNative.Portal.Client.Contracts.Prompts;

/// <summary>A label (such as <c>production</c>) and the number of the version it points at.</summary>
public sealed record PromptLabelDto(string Name, int Version);

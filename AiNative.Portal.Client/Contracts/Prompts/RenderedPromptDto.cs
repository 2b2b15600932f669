namespace AiNative.Portal.Client.Contracts.Prompts;

/// <summary>The system and user messages a prompt renders to, and the value each variable took.</summary>
public sealed record RenderedPromptDto(string System, string User, IReadOnlyDictionary<string, string> Values);

namespace AiNative.Services.Prompts.Templates;

/// <summary>The messages a prompt renders to, and the value each variable took.</summary>
public sealed record RenderedPrompt(string System, string User, IReadOnlyDictionary<string, string> Values);

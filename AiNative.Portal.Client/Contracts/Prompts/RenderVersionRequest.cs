namespace AiNative.Portal.Client.Contracts.Prompts;

/// <summary>Values for a saved version's variables; a variable left out takes its default.</summary>
public sealed record RenderVersionRequest(IReadOnlyDictionary<string, string?> Values);

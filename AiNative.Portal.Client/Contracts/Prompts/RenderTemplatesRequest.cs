namespace AiNative.Portal.Client.Contracts.Prompts;

/// <summary>Templates that need not be saved, with defaults for their variables and the values to render with.</summary>
public sealed record RenderTemplatesRequest(
    string SystemTemplate,
    string UserTemplate,
    IReadOnlyList<PromptVariableDto> Variables,
    IReadOnlyDictionary<string, string?> Values);

namespace AiNative.Portal.Client.Contracts.Prompts;

/// <summary>
/// A new version. <see cref="Variables"/> gives defaults and descriptions for variables the
/// templates use; the saved list of variables is what the templates use. <see cref="Retrieval"/>
/// fills a variable from a knowledge base when the version runs.
/// </summary>
public sealed record CreateVersionRequest(
    string SystemTemplate,
    string UserTemplate,
    IReadOnlyList<PromptVariableDto> Variables,
    Guid? ModelId,
    PromptSettingsDto Settings,
    string CommitMessage,
    RetrievalSettingsDto? Retrieval = null);

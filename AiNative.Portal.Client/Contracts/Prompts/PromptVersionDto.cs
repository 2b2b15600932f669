namespace AiNative.Portal.Client.Contracts.Prompts;

/// <summary>
/// One immutable version of a prompt: its templates in Semantic Kernel syntax, variables, model and
/// settings, and the knowledge base that fills a variable, if any.
/// </summary>
public sealed record PromptVersionDto(
    Guid Id,
    int Number,
    string SystemTemplate,
    string UserTemplate,
    IReadOnlyList<PromptVariableDto> Variables,
    Guid? ModelId,
    string? ModelName,
    PromptSettingsDto Settings,
    string CommitMessage,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    RetrievalSettingsDto? Retrieval = null);

using AiNative.Portal.Client.Contracts.Prompts;

namespace AiNative.Portal.Client.Contracts.Runs;

/// <summary>
/// A saved version (<see cref="PromptId"/> and <see cref="PromptVersion"/>) or ad-hoc templates,
/// the values of their variables (null takes the default), a chat model and settings over its defaults.
/// <see cref="Retrieval"/> fills a variable of ad-hoc templates from a knowledge base; a version brings its own.
/// </summary>
public sealed record StartRunRequest(
    Guid ModelId,
    Guid? PromptId = null,
    int? PromptVersion = null,
    string? SystemTemplate = null,
    string? UserTemplate = null,
    IReadOnlyList<PromptVariableDto>? Variables = null,
    IReadOnlyDictionary<string, string?>? Values = null,
    PromptSettingsDto? Settings = null,
    RetrievalSettingsDto? Retrieval = null);

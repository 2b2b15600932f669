using AiNative.Services.Models;
using AiNative.Services.Prompts.Retrieval;

namespace AiNative.Services.Prompts;

/// <summary>
/// What a new version is made of. <see cref="Variables"/> gives defaults and descriptions for
/// variables the templates use; the version's variable list itself comes from the templates.
/// <see cref="Retrieval"/> fills a context variable from a knowledge base when the version runs.
/// </summary>
public sealed record NewPromptVersion(
    string SystemTemplate,
    string UserTemplate,
    IReadOnlyList<PromptVariable> Variables,
    Guid? ModelId,
    GenerationSettings Settings,
    string CommitMessage,
    RetrievalSettings? Retrieval = null);

using AiNative.Services.Models;
using AiNative.Services.Prompts.Retrieval;
using AiNative.Services.Prompts.Templates;

namespace AiNative.Services.Execution;

/// <summary>
/// The templates a run renders, the saved prompt version they come from with its settings, if any,
/// and the knowledge base that fills a context variable, checked to exist.
/// </summary>
internal sealed record RunSource(
    Guid? PromptId,
    string? PromptName,
    int? PromptVersion,
    PromptTemplates Templates,
    GenerationSettings? Settings,
    RetrievalSettings? Retrieval);

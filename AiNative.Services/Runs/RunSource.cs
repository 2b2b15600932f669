using AiNative.Services.Models;
using AiNative.Services.Prompts.Templates;

namespace AiNative.Services.Runs;

/// <summary>The templates a run renders, and the saved prompt version they come from with its settings, if any.</summary>
internal sealed record RunSource(Guid? PromptId, string? PromptName, int? PromptVersion, PromptTemplates Templates, GenerationSettings? Settings);

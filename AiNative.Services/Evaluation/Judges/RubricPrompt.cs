using AiNative.Services.Prompts;

namespace AiNative.Services.Evaluation.Judges;

/// <summary>A judge rubric seeded as a prompt of the registry: its name, templates and the variables they use.</summary>
public sealed record RubricPrompt(string Name, string Description, string SystemTemplate, string UserTemplate, IReadOnlyList<PromptVariable> Variables);

namespace AiNative.Services.Prompts.Templates;

/// <summary>Which of a version's two templates something refers to.</summary>
public enum PromptTemplateKind
{
    System = 1,
    User = 2,
}

namespace AiNative.Services.Prompts.Templates;

/// <summary>A pair of templates with the defaults of their variables, saved as a version or not.</summary>
public sealed record PromptTemplates(string SystemTemplate, string UserTemplate, IReadOnlyList<PromptVariable> Variables)
{
    public static PromptTemplates Of(PromptVersion version) => new(version.SystemTemplate, version.UserTemplate, version.Variables);
}

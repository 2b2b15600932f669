namespace AiNative.Services.Prompts.Templates;

/// <summary>The variables a pair of templates uses (in order of first use) and what is wrong with them.</summary>
public sealed record TemplateAnalysis(IReadOnlyList<string> Variables, IReadOnlyList<TemplateError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

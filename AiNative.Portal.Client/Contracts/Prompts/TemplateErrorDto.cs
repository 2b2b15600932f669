namespace AiNative.Portal.Client.Contracts.Prompts;

/// <summary>A problem in a template at a 1-based line and column.</summary>
public sealed record TemplateErrorDto(PromptTemplateKindDto Template, int Line, int Column, string Message)
{
    public override string ToString() => $"{Template} template, line {Line}, column {Column}: {Message}";
}

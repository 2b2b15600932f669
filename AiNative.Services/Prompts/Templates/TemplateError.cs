namespace AiNative.Services.Prompts.Templates;

/// <summary>A problem in a template, with its place: 1-based line and column.</summary>
public sealed record TemplateError(PromptTemplateKind Template, int Line, int Column, string Message)
{
    /// <summary>"System template, line 2, column 5: …", for messages that stand on their own.</summary>
    public override string ToString() => $"{Template} template, line {Line}, column {Column}: {Message}";
}

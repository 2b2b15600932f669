namespace AiNative.Services.Prompts.Templates;

/// <summary>A problem found at a character offset of one template.</summary>
internal sealed record TemplateIssue(int Offset, string Message);

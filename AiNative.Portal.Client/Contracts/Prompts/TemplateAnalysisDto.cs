namespace AiNative.Portal.Client.Contracts.Prompts;

/// <summary>The variables two templates use (in order of first use) and what is wrong with them.</summary>
public sealed record TemplateAnalysisDto(IReadOnlyList<string> Variables, IReadOnlyList<TemplateErrorDto> Errors);

namespace AiNative.Services.Prompts.Templates;

/// <summary>The blocks of one template and the problems found between them.</summary>
internal sealed record TemplateScan(IReadOnlyList<TemplateBlock> Blocks, IReadOnlyList<TemplateIssue> Issues);

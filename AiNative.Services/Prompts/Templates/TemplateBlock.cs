namespace AiNative.Services.Prompts.Templates;

/// <summary>The text between a block's <c>{{</c> and <c>}}</c>, and the offset where that text starts.</summary>
internal readonly record struct TemplateBlock(int Offset, string Content);

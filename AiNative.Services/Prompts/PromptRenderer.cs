using AiNative.Services.Prompts.Templates;

namespace AiNative.Services.Prompts;

/// <summary>
/// Renders prompts to their system and user messages: a saved version, or templates that are
/// not saved (the playground's drafts).
/// </summary>
public sealed class PromptRenderer(PromptVersions versions, TemplateRenderer renderer)
{
    public async Task<RenderedPrompt> RenderVersionAsync(
        Guid promptId,
        int versionNumber,
        IReadOnlyDictionary<string, string?> values,
        CancellationToken cancellationToken)
    {
        var version = await versions.GetAsync(promptId, versionNumber, cancellationToken);
        return await renderer.RenderAsync(PromptTemplates.Of(version), values, cancellationToken);
    }

    public Task<RenderedPrompt> RenderTemplatesAsync(
        PromptTemplates templates,
        IReadOnlyDictionary<string, string?> values,
        CancellationToken cancellationToken) =>
        renderer.RenderAsync(templates, values, cancellationToken);
}

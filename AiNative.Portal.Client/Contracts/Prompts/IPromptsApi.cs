namespace AiNative.Portal.Client.Contracts.Prompts;

/// <summary>
/// The team's prompt registry: prompts, their immutable versions, the labels that point at
/// versions, and template analysis and rendering.
/// </summary>
public interface IPromptsApi
{
    Task<IReadOnlyList<PromptSummaryDto>> ListAsync(CancellationToken cancellationToken = default);

    Task<PromptDetailsDto> GetAsync(Guid promptId, CancellationToken cancellationToken = default);

    Task<PromptDetailsDto> CreateAsync(CreatePromptRequest request, CancellationToken cancellationToken = default);

    Task<PromptDetailsDto> UpdateAsync(Guid promptId, UpdatePromptRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes the prompt with all its versions and labels.</summary>
    Task DeleteAsync(Guid promptId, CancellationToken cancellationToken = default);

    Task<PromptVersionDto> GetVersionAsync(Guid promptId, int version, CancellationToken cancellationToken = default);

    /// <summary>Saves the next version; a problem in a template is reported with its line and column.</summary>
    Task<PromptVersionDto> CreateVersionAsync(Guid promptId, CreateVersionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Points <paramref name="label"/> at a version, creating the label when it is new.</summary>
    Task<PromptLabelDto> MoveLabelAsync(Guid promptId, string label, MoveLabelRequest request, CancellationToken cancellationToken = default);

    Task DeleteLabelAsync(Guid promptId, string label, CancellationToken cancellationToken = default);

    /// <summary>The variables and errors of two templates, without saving anything.</summary>
    Task<TemplateAnalysisDto> AnalyzeAsync(AnalyzeTemplatesRequest request, CancellationToken cancellationToken = default);

    Task<RenderedPromptDto> RenderTemplatesAsync(RenderTemplatesRequest request, CancellationToken cancellationToken = default);

    Task<RenderedPromptDto> RenderVersionAsync(Guid promptId, int version, RenderVersionRequest request, CancellationToken cancellationToken = default);

    /// <summary>The team's chat models, which a version may name.</summary>
    Task<IReadOnlyList<ChatModelOptionDto>> ListChatModelsAsync(CancellationToken cancellationToken = default);
}

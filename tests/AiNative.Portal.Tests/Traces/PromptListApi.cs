using AiNative.Portal.Client.Contracts.Prompts;

namespace AiNative.Portal.Tests.Traces;

/// <summary>The prompt API as the traces page uses it: only the list of the team's prompts, for the prompt filter.</summary>
internal sealed class PromptListApi : IPromptsApi
{
    public static readonly PromptSummaryDto SupportAnswer = new(Guid.CreateVersion7(), "Support answer", null, 2, [], TraceSamples.Start);

    public Task<IReadOnlyList<PromptSummaryDto>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PromptSummaryDto>>([SupportAnswer]);

    public Task<PromptDetailsDto> GetAsync(Guid promptId, CancellationToken cancellationToken = default) => throw Unused();

    public Task<PromptDetailsDto> CreateAsync(CreatePromptRequest request, CancellationToken cancellationToken = default) => throw Unused();

    public Task<PromptDetailsDto> UpdateAsync(Guid promptId, UpdatePromptRequest request, CancellationToken cancellationToken = default) => throw Unused();

    public Task DeleteAsync(Guid promptId, CancellationToken cancellationToken = default) => throw Unused();

    public Task<PromptVersionDto> GetVersionAsync(Guid promptId, int version, CancellationToken cancellationToken = default) => throw Unused();

    public Task<PromptVersionDto> CreateVersionAsync(Guid promptId, CreateVersionRequest request, CancellationToken cancellationToken = default) =>
        throw Unused();

    public Task<PromptLabelDto> MoveLabelAsync(Guid promptId, string label, MoveLabelRequest request, CancellationToken cancellationToken = default) =>
        throw Unused();

    public Task DeleteLabelAsync(Guid promptId, string label, CancellationToken cancellationToken = default) => throw Unused();

    public Task<TemplateAnalysisDto> AnalyzeAsync(AnalyzeTemplatesRequest request, CancellationToken cancellationToken = default) => throw Unused();

    public Task<RenderedPromptDto> RenderTemplatesAsync(RenderTemplatesRequest request, CancellationToken cancellationToken = default) => throw Unused();

    public Task<RenderedPromptDto> RenderVersionAsync(Guid promptId, int version, RenderVersionRequest request, CancellationToken cancellationToken = default) =>
        throw Unused();

    public Task<IReadOnlyList<ChatModelOptionDto>> ListChatModelsAsync(CancellationToken cancellationToken = default) => throw Unused();

    private static NotSupportedException Unused() => new("The traces page does not call this.");
}

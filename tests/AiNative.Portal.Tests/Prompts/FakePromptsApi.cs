using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Portal.Prompts;
using AiNative.Services.Prompts.Templates;

namespace AiNative.Portal.Tests.Prompts;

/// <summary>
/// The prompt API as the version editor uses it: real template analysis, and a save that either
/// records the request or fails as the server would.
/// </summary>
internal sealed class FakePromptsApi : IPromptsApi
{
    public ApiException? SaveFailure { get; set; }

    public List<CreateVersionRequest> Saved { get; } = [];

    public Task<TemplateAnalysisDto> AnalyzeAsync(AnalyzeTemplatesRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(TemplateAnalyzer.Analyze(request.SystemTemplate, request.UserTemplate).ToDto());

    public Task<PromptVersionDto> CreateVersionAsync(Guid promptId, CreateVersionRequest request, CancellationToken cancellationToken = default)
    {
        if (SaveFailure is not null)
        {
            throw SaveFailure;
        }

        Saved.Add(request);
        return Task.FromResult(new PromptVersionDto(Guid.NewGuid(), Saved.Count, request.SystemTemplate, request.UserTemplate, request.Variables,
            request.ModelId, null, request.Settings, request.CommitMessage, DateTimeOffset.UtcNow, "Test User"));
    }

    public Task<IReadOnlyList<PromptSummaryDto>> ListAsync(CancellationToken cancellationToken = default) => throw Unused();

    public Task<PromptDetailsDto> GetAsync(Guid promptId, CancellationToken cancellationToken = default) => throw Unused();

    public Task<PromptDetailsDto> CreateAsync(CreatePromptRequest request, CancellationToken cancellationToken = default) => throw Unused();

    public Task<PromptDetailsDto> UpdateAsync(Guid promptId, UpdatePromptRequest request, CancellationToken cancellationToken = default) => throw Unused();

    public Task DeleteAsync(Guid promptId, CancellationToken cancellationToken = default) => throw Unused();

    public Task<PromptVersionDto> GetVersionAsync(Guid promptId, int version, CancellationToken cancellationToken = default) => throw Unused();

    public Task<PromptLabelDto> MoveLabelAsync(Guid promptId, string label, MoveLabelRequest request, CancellationToken cancellationToken = default) => throw Unused();

    public Task DeleteLabelAsync(Guid promptId, string label, CancellationToken cancellationToken = default) => throw Unused();

    public Task<RenderedPromptDto> RenderTemplatesAsync(RenderTemplatesRequest request, CancellationToken cancellationToken = default) => throw Unused();

    public Task<RenderedPromptDto> RenderVersionAsync(Guid promptId, int version, RenderVersionRequest request, CancellationToken cancellationToken = default) => throw Unused();

    public Task<IReadOnlyList<ChatModelOptionDto>> ListChatModelsAsync(CancellationToken cancellationToken = default) => throw Unused();

    private static NotSupportedException Unused() => new("The version editor does not call this.");
}

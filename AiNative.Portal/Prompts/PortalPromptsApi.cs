using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Portal.Platform;
using AiNative.Services.Prompts;
using AiNative.Services.Prompts.Templates;

namespace AiNative.Portal.Prompts;

/// <summary>The prompt registry in process, for server pages and the HTTP endpoints.</summary>
internal sealed class PortalPromptsApi(
    PromptRegistry registry,
    PromptVersions versions,
    PromptLabels labels,
    PromptRenderer renderer) : IPromptsApi
{
    public Task<IReadOnlyList<PromptSummaryDto>> ListAsync(CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync<IReadOnlyList<PromptSummaryDto>>(async () =>
            (await registry.ListAsync(cancellationToken)).Select(p => p.ToDto()).ToList());

    public Task<PromptDetailsDto> GetAsync(Guid promptId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await registry.GetAsync(promptId, cancellationToken)).ToDto());

    public Task<PromptDetailsDto> CreateAsync(CreatePromptRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await registry.CreateAsync(request.Name, request.Description, cancellationToken)).ToDto());

    public Task<PromptDetailsDto> UpdateAsync(Guid promptId, UpdatePromptRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () =>
        {
            await registry.UpdateAsync(promptId, request.Name, request.Description, cancellationToken);
            return (await registry.GetAsync(promptId, cancellationToken)).ToDto();
        });

    public Task DeleteAsync(Guid promptId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(() => registry.DeleteAsync(promptId, cancellationToken));

    public Task<PromptVersionDto> GetVersionAsync(Guid promptId, int version, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await versions.GetAsync(promptId, version, cancellationToken)).ToDto());

    public Task<PromptVersionDto> CreateVersionAsync(Guid promptId, CreateVersionRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () =>
        {
            var input = new NewPromptVersion(
                request.SystemTemplate,
                request.UserTemplate,
                request.Variables.ToVariables(),
                request.ModelId,
                request.Settings.ToSettings(),
                request.CommitMessage,
                request.Retrieval.ToSettings());
            var saved = await versions.CreateAsync(promptId, input, cancellationToken);

            // Read back with the model, so the answer names it.
            return (await versions.GetAsync(promptId, saved.Number, cancellationToken)).ToDto();
        });

    public Task<PromptLabelDto> MoveLabelAsync(Guid promptId, string label, MoveLabelRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await labels.MoveAsync(promptId, label, request.Version, cancellationToken)).ToDto());

    public Task DeleteLabelAsync(Guid promptId, string label, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(() => labels.DeleteAsync(promptId, label, cancellationToken));

    public Task<TemplateAnalysisDto> AnalyzeAsync(AnalyzeTemplatesRequest request, CancellationToken cancellationToken = default) =>
        Task.FromResult(TemplateAnalyzer.Analyze(request.SystemTemplate, request.UserTemplate).ToDto());

    public Task<RenderedPromptDto> RenderTemplatesAsync(RenderTemplatesRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () =>
        {
            var templates = new PromptTemplates(request.SystemTemplate ?? string.Empty, request.UserTemplate ?? string.Empty, request.Variables.ToVariables());
            return (await renderer.RenderTemplatesAsync(templates, Values(request.Values), cancellationToken)).ToDto();
        });

    public Task<RenderedPromptDto> RenderVersionAsync(Guid promptId, int version, RenderVersionRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await renderer.RenderVersionAsync(promptId, version, Values(request.Values), cancellationToken)).ToDto());

    public Task<IReadOnlyList<ChatModelOptionDto>> ListChatModelsAsync(CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync<IReadOnlyList<ChatModelOptionDto>>(async () =>
            (await versions.ListChatModelsAsync(cancellationToken)).Select(m => m.ToDto()).ToList());

    private static IReadOnlyDictionary<string, string?> Values(IReadOnlyDictionary<string, string?>? values) =>
        values ?? new Dictionary<string, string?>();
}

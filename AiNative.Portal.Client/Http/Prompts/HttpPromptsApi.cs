using AiNative.Portal.Client.Contracts.Prompts;

namespace AiNative.Portal.Client.Http.Prompts;

internal sealed class HttpPromptsApi(PortalApiClient api) : IPromptsApi
{
    public Task<IReadOnlyList<PromptSummaryDto>> ListAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<IReadOnlyList<PromptSummaryDto>>(api.TeamPath("prompts"), cancellationToken);

    public Task<PromptDetailsDto> GetAsync(Guid promptId, CancellationToken cancellationToken = default) =>
        api.GetAsync<PromptDetailsDto>(Prompt(promptId), cancellationToken);

    public Task<PromptDetailsDto> CreateAsync(CreatePromptRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<PromptDetailsDto>(HttpMethod.Post, api.TeamPath("prompts"), request, cancellationToken);

    public Task<PromptDetailsDto> UpdateAsync(Guid promptId, UpdatePromptRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<PromptDetailsDto>(HttpMethod.Put, Prompt(promptId), request, cancellationToken);

    public Task DeleteAsync(Guid promptId, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync(HttpMethod.Delete, Prompt(promptId), null, cancellationToken);

    public Task<PromptVersionDto> GetVersionAsync(Guid promptId, int version, CancellationToken cancellationToken = default) =>
        api.GetAsync<PromptVersionDto>($"{Prompt(promptId)}/versions/{version}", cancellationToken);

    public Task<PromptVersionDto> CreateVersionAsync(Guid promptId, CreateVersionRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<PromptVersionDto>(HttpMethod.Post, $"{Prompt(promptId)}/versions", request, cancellationToken);

    public Task<PromptLabelDto> MoveLabelAsync(Guid promptId, string label, MoveLabelRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<PromptLabelDto>(HttpMethod.Put, Label(promptId, label), request, cancellationToken);

    public Task DeleteLabelAsync(Guid promptId, string label, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync(HttpMethod.Delete, Label(promptId, label), null, cancellationToken);

    public Task<TemplateAnalysisDto> AnalyzeAsync(AnalyzeTemplatesRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<TemplateAnalysisDto>(HttpMethod.Post, api.TeamPath("prompts/analyze"), request, cancellationToken);

    public Task<RenderedPromptDto> RenderTemplatesAsync(RenderTemplatesRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<RenderedPromptDto>(HttpMethod.Post, api.TeamPath("prompts/render"), request, cancellationToken);

    public Task<RenderedPromptDto> RenderVersionAsync(Guid promptId, int version, RenderVersionRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<RenderedPromptDto>(HttpMethod.Post, $"{Prompt(promptId)}/versions/{version}/render", request, cancellationToken);

    public Task<IReadOnlyList<ChatModelOptionDto>> ListChatModelsAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<IReadOnlyList<ChatModelOptionDto>>(api.TeamPath("prompts/chat-models"), cancellationToken);

    private string Prompt(Guid promptId) => api.TeamPath($"prompts/{promptId}");

    private string Label(Guid promptId, string label) => $"{Prompt(promptId)}/labels/{Uri.EscapeDataString(label)}";
}

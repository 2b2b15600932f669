using AiNative.Portal.Client.Contracts.Evaluators;

namespace AiNative.Portal.Client.Http.Evaluators;

internal sealed class HttpEvaluatorsApi(PortalApiClient api) : IEvaluatorsApi
{
    public Task<IReadOnlyList<EvaluatorSummaryDto>> ListAsync(CancellationToken cancellationToken = default) =>
        api.GetAsync<IReadOnlyList<EvaluatorSummaryDto>>(api.TeamPath("evaluators"), cancellationToken);

    public Task<EvaluatorDetailsDto> GetAsync(Guid evaluatorId, CancellationToken cancellationToken = default) =>
        api.GetAsync<EvaluatorDetailsDto>(Evaluator(evaluatorId), cancellationToken);

    public Task<EvaluatorVersionDto> GetVersionAsync(Guid evaluatorId, int version, CancellationToken cancellationToken = default) =>
        api.GetAsync<EvaluatorVersionDto>($"{Evaluator(evaluatorId)}/versions/{version}", cancellationToken);

    public Task<EvaluatorDetailsDto> CreateAsync(SaveEvaluatorRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<EvaluatorDetailsDto>(HttpMethod.Post, api.TeamPath("evaluators"), request, cancellationToken);

    public Task<EvaluatorDetailsDto> UpdateAsync(Guid evaluatorId, SaveEvaluatorRequest request, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync<EvaluatorDetailsDto>(HttpMethod.Put, Evaluator(evaluatorId), request, cancellationToken);

    public Task DeleteAsync(Guid evaluatorId, CancellationToken cancellationToken = default) =>
        api.SendJsonAsync(HttpMethod.Delete, Evaluator(evaluatorId), null, cancellationToken);

    private string Evaluator(Guid evaluatorId) => api.TeamPath($"evaluators/{evaluatorId}");
}

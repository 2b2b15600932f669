using AiNative.Portal.Client.Contracts.Evaluators;
using AiNative.Portal.Platform;
using AiNative.Services.Evaluation.Definitions;

namespace AiNative.Portal.Evaluators;

/// <summary>The team's evaluator definitions in process, for server pages and the HTTP endpoints.</summary>
internal sealed class PortalEvaluatorsApi(EvaluatorDefinitions definitions) : IEvaluatorsApi
{
    public Task<IReadOnlyList<EvaluatorSummaryDto>> ListAsync(CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync<IReadOnlyList<EvaluatorSummaryDto>>(async () =>
            (await definitions.ListAsync(cancellationToken)).Select(d => d.ToSummaryDto()).ToList());

    public Task<EvaluatorDetailsDto> GetAsync(Guid evaluatorId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await definitions.GetAsync(evaluatorId, cancellationToken)).ToDto());

    public Task<EvaluatorVersionDto> GetVersionAsync(Guid evaluatorId, int version, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await definitions.GetVersionAsync(evaluatorId, version, cancellationToken)).ToDto());

    public Task<EvaluatorDetailsDto> CreateAsync(SaveEvaluatorRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () =>
        {
            var created = await definitions.CreateAsync(request.ToInput(), cancellationToken);
            return (await definitions.GetAsync(created.Id, cancellationToken)).ToDto();
        });

    public Task<EvaluatorDetailsDto> UpdateAsync(Guid evaluatorId, SaveEvaluatorRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await definitions.UpdateAsync(evaluatorId, request.ToInput(), cancellationToken)).ToDto());

    public Task DeleteAsync(Guid evaluatorId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(() => definitions.DeleteAsync(evaluatorId, cancellationToken));
}

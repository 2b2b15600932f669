namespace AiNative.Portal.Client.Contracts.Evaluators;

/// <summary>
/// The team's evaluator definitions: built-in checks, similarity metrics and judges an experiment chooses from. A
/// change of kind or settings saves the next version; an experiment pins the version it ran with.
/// </summary>
public interface IEvaluatorsApi
{
    Task<IReadOnlyList<EvaluatorSummaryDto>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The definition with every version, newest first.</summary>
    Task<EvaluatorDetailsDto> GetAsync(Guid evaluatorId, CancellationToken cancellationToken = default);

    Task<EvaluatorVersionDto> GetVersionAsync(Guid evaluatorId, int version, CancellationToken cancellationToken = default);

    Task<EvaluatorDetailsDto> CreateAsync(SaveEvaluatorRequest request, CancellationToken cancellationToken = default);

    Task<EvaluatorDetailsDto> UpdateAsync(Guid evaluatorId, SaveEvaluatorRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes the definition with all its versions.</summary>
    Task DeleteAsync(Guid evaluatorId, CancellationToken cancellationToken = default);
}

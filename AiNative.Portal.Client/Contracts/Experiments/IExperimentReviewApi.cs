using AiNative.Portal.Client.Contracts.Traces;

namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>
/// People's review of an experiment's cells: a queue of the succeeded cells without a person's score of the chosen
/// name, the score saved on the cell's trace (any of the team's score definitions: yes/no, 1–5, labels), and what the
/// review shows (each score per variant, each LLM judge's agreement with people).
/// </summary>
public interface IExperimentReviewApi
{
    /// <summary>The next cell without a person's <paramref name="score"/>, after <paramref name="after"/> (a skipped cell) when given.</summary>
    Task<ReviewQueueDto> NextAsync(Guid experimentId, string score, Guid? after = null, CancellationToken cancellationToken = default);

    Task<ScoreDto> ScoreAsync(Guid experimentId, Guid cellId, AddScoreRequest request, CancellationToken cancellationToken = default);

    Task<ReviewSummaryDto> GetSummaryAsync(Guid experimentId, CancellationToken cancellationToken = default);
}

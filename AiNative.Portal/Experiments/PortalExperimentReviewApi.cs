using AiNative.Portal.Client.Contracts.Experiments;
using AiNative.Portal.Client.Contracts.Traces;
using AiNative.Portal.Platform;
using AiNative.Portal.Traces;
using AiNative.Services.Experiments.Review;

namespace AiNative.Portal.Experiments;

/// <summary>People's review of the team's experiments in process, for server pages and the HTTP endpoints.</summary>
internal sealed class PortalExperimentReviewApi(ExperimentReview review, ExperimentReviewSummaries summaries) : IExperimentReviewApi
{
    public Task<ReviewQueueDto> NextAsync(Guid experimentId, string score, Guid? after = null, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await review.NextAsync(experimentId, score, after, cancellationToken)).ToDto());

    public Task<ScoreDto> ScoreAsync(Guid experimentId, Guid cellId, AddScoreRequest request, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await review.ScoreAsync(experimentId, cellId, request.ToInput(), cancellationToken)).ToDto());

    public Task<ReviewSummaryDto> GetSummaryAsync(Guid experimentId, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await summaries.GetAsync(experimentId, cancellationToken)).ToDto());
}

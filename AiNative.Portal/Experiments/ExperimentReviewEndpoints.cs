using AiNative.Portal.Client.Contracts.Experiments;
using AiNative.Portal.Client.Contracts.Traces;
using AiNative.Portal.Platform;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AiNative.Portal.Experiments;

/// <summary>
/// <c>/api/teams/{teamId}/experiments/{experimentId}/review</c>: the queue of cells without a person's score of a name,
/// a person's score of a cell (saved on its trace), and what the review shows, judges' agreement with people included.
/// </summary>
public static class ExperimentReviewEndpoints
{
    public static IEndpointRouteBuilder MapExperimentReviewApi(this IEndpointRouteBuilder endpoints)
    {
        var review = endpoints.MapTeamGroup("experiments/{experimentId:guid}/review", "Experiments");
        review.MapGet("", NextAsync).WithName("NextExperimentReviewCell")
            .WithSummary("How many cells have a person's score of the given name, and the next without (after a skipped cell when given)");
        review.MapPost("cells/{cellId:guid}", ScoreAsync).WithName("ScoreExperimentCell")
            .WithSummary("A person's score of a cell, saved on its trace; a value outside the score's scale answers 400 naming it");
        review.MapGet("summary", SummaryAsync).WithName("GetExperimentReviewSummary")
            .WithSummary("Each score people gave per variant, and each LLM judge's agreement with them (accuracy, Cohen's kappa, confusion matrix)");
        return endpoints;
    }

    private static async Task<Ok<ReviewQueueDto>> NextAsync(
        Guid experimentId, [FromQuery] string? score, [FromQuery] Guid? after, IExperimentReviewApi review, CancellationToken cancellationToken) =>
        TypedResults.Ok(await review.NextAsync(experimentId, score ?? string.Empty, after, cancellationToken));

    private static async Task<Ok<ScoreDto>> ScoreAsync(
        Guid experimentId, Guid cellId, AddScoreRequest request, IExperimentReviewApi review, CancellationToken cancellationToken) =>
        TypedResults.Ok(await review.ScoreAsync(experimentId, cellId, request, cancellationToken));

    private static async Task<Ok<ReviewSummaryDto>> SummaryAsync(Guid experimentId, IExperimentReviewApi review, CancellationToken cancellationToken) =>
        TypedResults.Ok(await review.GetSummaryAsync(experimentId, cancellationToken));
}

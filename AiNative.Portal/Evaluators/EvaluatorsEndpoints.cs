using AiNative.Portal.Client.Contracts.Evaluators;
using AiNative.Portal.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiNative.Portal.Evaluators;

/// <summary><c>/api/teams/{teamId}/evaluators</c>: the team's evaluator definitions and their versions.</summary>
public static class EvaluatorsEndpoints
{
    public static IEndpointRouteBuilder MapEvaluatorsApi(this IEndpointRouteBuilder endpoints)
    {
        var evaluators = endpoints.MapTeamGroup("evaluators", "Evaluators");
        evaluators.MapGet("", ListAsync).WithName("ListEvaluators").WithSummary("The team's evaluators with their latest version's kind");
        evaluators.MapPost("", CreateAsync).WithName("CreateEvaluator")
            .WithSummary("Create an evaluator; a bad regex or schema, or an unknown kind, answers 400 naming the field");
        evaluators.MapGet("{evaluatorId:guid}", GetAsync).WithName("GetEvaluator").WithSummary("An evaluator with all its versions");
        evaluators.MapPut("{evaluatorId:guid}", UpdateAsync).WithName("UpdateEvaluator")
            .WithSummary("Rename an evaluator, or change its kind or settings, which saves the next version");
        evaluators.MapDelete("{evaluatorId:guid}", DeleteAsync).WithName("DeleteEvaluator").WithSummary("Delete an evaluator with its versions");
        evaluators.MapGet("{evaluatorId:guid}/versions/{version:int}", GetVersionAsync).WithName("GetEvaluatorVersion").WithSummary("One version of an evaluator");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<EvaluatorSummaryDto>>> ListAsync(IEvaluatorsApi evaluators, CancellationToken cancellationToken) =>
        TypedResults.Ok(await evaluators.ListAsync(cancellationToken));

    private static async Task<Created<EvaluatorDetailsDto>> CreateAsync(
        Guid teamId, SaveEvaluatorRequest request, IEvaluatorsApi evaluators, CancellationToken cancellationToken)
    {
        var created = await evaluators.CreateAsync(request, cancellationToken);
        return TypedResults.Created($"/api/teams/{teamId}/evaluators/{created.Id}", created);
    }

    private static async Task<Ok<EvaluatorDetailsDto>> GetAsync(Guid evaluatorId, IEvaluatorsApi evaluators, CancellationToken cancellationToken) =>
        TypedResults.Ok(await evaluators.GetAsync(evaluatorId, cancellationToken));

    private static async Task<Ok<EvaluatorDetailsDto>> UpdateAsync(
        Guid evaluatorId, SaveEvaluatorRequest request, IEvaluatorsApi evaluators, CancellationToken cancellationToken) =>
        TypedResults.Ok(await evaluators.UpdateAsync(evaluatorId, request, cancellationToken));

    private static async Task<NoContent> DeleteAsync(Guid evaluatorId, IEvaluatorsApi evaluators, CancellationToken cancellationToken)
    {
        await evaluators.DeleteAsync(evaluatorId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<EvaluatorVersionDto>> GetVersionAsync(Guid evaluatorId, int version, IEvaluatorsApi evaluators, CancellationToken cancellationToken) =>
        TypedResults.Ok(await evaluators.GetVersionAsync(evaluatorId, version, cancellationToken));
}

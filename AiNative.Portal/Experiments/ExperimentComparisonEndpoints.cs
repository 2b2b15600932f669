using AiNative.Portal.Client.Contracts.Experiments;
using AiNative.Portal.Platform;
using AiNative.Services.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AiNative.Portal.Experiments;

/// <summary>
/// <c>/api/teams/{teamId}/experiments/compare?left=&amp;right=</c>: two experiments on the same dataset, a variant of each
/// (<c>leftVariant</c>, <c>rightVariant</c>; by default each one's best or baseline), and the items that changed most.
/// </summary>
public static class ExperimentComparisonEndpoints
{
    public static IEndpointRouteBuilder MapExperimentComparisonApi(this IEndpointRouteBuilder endpoints)
    {
        var compare = endpoints.MapTeamGroup("experiments/compare", "Experiments");
        compare.MapGet("", CompareAsync).WithName("CompareExperiments")
            .WithSummary("Two experiments on the same dataset over the items both ran: each side's means with 95% intervals, pass rates, latency and cost, "
                + "and per evaluator the paired difference with the sign test; different datasets answer 400");
        compare.MapGet("items", ListChangesAsync).WithName("ListComparedExperimentItems")
            .WithSummary("A page of the items whose score changed most (direction: regressed or improved; evaluator: one, or the mean over those both pinned)");
        return endpoints;
    }

    private static async Task<Ok<ExperimentComparisonDto>> CompareAsync(
        [FromQuery] Guid? left, [FromQuery] Guid? right, [FromQuery] Guid? leftVariant, [FromQuery] Guid? rightVariant,
        IExperimentComparisonsApi comparisons, CancellationToken cancellationToken) =>
        TypedResults.Ok(await comparisons.CompareAsync(Sides(left, right, leftVariant, rightVariant), cancellationToken));

    private static async Task<Ok<ChangedItemPageDto>> ListChangesAsync(
        [FromQuery] Guid? left, [FromQuery] Guid? right, [FromQuery] Guid? leftVariant, [FromQuery] Guid? rightVariant,
        [FromQuery] string? direction, [FromQuery] string? evaluator, int? page, int? pageSize,
        IExperimentComparisonsApi comparisons, CancellationToken cancellationToken)
    {
        var changes = direction?.ToLowerInvariant() switch
        {
            null or "" or "regressed" => ChangeDirectionDto.Regressed,
            "improved" => ChangeDirectionDto.Improved,
            _ => throw new ValidationFailedException("Direction", $"'{direction}' is not a direction; use regressed or improved."),
        };
        return TypedResults.Ok(await comparisons.ListChangesAsync(
            new ChangedItemsQuery(Sides(left, right, leftVariant, rightVariant), changes, string.IsNullOrEmpty(evaluator) ? null : evaluator,
                page ?? 1, pageSize ?? ExperimentRowQuery.DefaultPageSize),
            cancellationToken));
    }

    private static ComparisonQuery Sides(Guid? left, Guid? right, Guid? leftVariant, Guid? rightVariant)
    {
        var errors = new Dictionary<string, string[]>();
        if (left is null)
        {
            errors["Left"] = ["Name the experiment to compare with as left=<experiment id>."];
        }

        if (right is null)
        {
            errors["Right"] = ["Name the experiment to compare as right=<experiment id>."];
        }

        return errors.Count > 0 ? throw new ValidationFailedException(errors) : new ComparisonQuery(left!.Value, right!.Value, leftVariant, rightVariant);
    }
}

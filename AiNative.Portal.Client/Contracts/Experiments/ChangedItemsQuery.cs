namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>Which changed items to list: the direction, one evaluator's change or (null) the mean over those both sides pinned, and a page (from 1).</summary>
public sealed record ChangedItemsQuery(
    ComparisonQuery Sides, ChangeDirectionDto Direction = ChangeDirectionDto.Regressed, string? Evaluator = null, int Page = 1,
    int PageSize = ExperimentRowQuery.DefaultPageSize);

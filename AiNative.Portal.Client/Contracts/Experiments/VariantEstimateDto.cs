namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>One variant's share of an estimate; <see cref="Priced"/> is false when its model has no price (its calls count as $0).</summary>
public sealed record VariantEstimateDto(
    string Name,
    string ModelName,
    int Calls,
    long InputTokens,
    long OutputTokens,
    decimal EstimatedCost,
    decimal MaxCost,
    bool Priced);

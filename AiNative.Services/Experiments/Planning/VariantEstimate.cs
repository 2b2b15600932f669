namespace AiNative.Services.Experiments.Planning;

/// <summary>One variant's share of an estimate; <see cref="Priced"/> is false when its model has no price.</summary>
public sealed record VariantEstimate(
    string Name,
    string ModelName,
    int Calls,
    long InputTokens,
    long OutputTokens,
    decimal EstimatedCost,
    decimal MaxCost,
    bool Priced);

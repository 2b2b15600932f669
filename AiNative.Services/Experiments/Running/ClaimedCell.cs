namespace AiNative.Services.Experiments.Running;

/// <summary>A cell a runner holds: which it is, the claim that holds it, and the experiment's team to run it in.</summary>
internal sealed record ClaimedCell(
    Guid Id,
    Guid ClaimId,
    Guid TeamId,
    string TeamName,
    Guid ExperimentId,
    Guid VariantId,
    Guid ProviderId,
    Guid ItemId,
    bool IsBaseline,
    int Attempts,
    int RateLimitRetries,
    Guid? StartedById,
    string? StartedBy);

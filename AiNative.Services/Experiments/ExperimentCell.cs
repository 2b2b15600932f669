using AiNative.Services.Teams;

namespace AiNative.Services.Experiments;

/// <summary>
/// One item run by one variant: a durable unit of work that a runner claims with a lease, and then its result (the
/// output, the measures, the trace that recorded the call, the evaluators' results, which are also scores on that
/// trace).
/// </summary>
public sealed class ExperimentCell : ITeamOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    public Guid ExperimentId { get; init; }

    public Guid VariantId { get; init; }

    public int VariantPosition { get; init; }

    public bool IsBaseline { get; init; }

    /// <summary>Runs only after the baseline's cell of the same item ended, whose output a pairwise judge compares with.</summary>
    public bool WaitsForBaseline { get; init; }

    public Guid ProviderId { get; init; }

    /// <summary>The dataset item (the same id in every version) and its place in the dataset's order.</summary>
    public Guid ItemId { get; init; }

    public long ItemPosition { get; init; }

    public CellStatus Status { get; set; } = CellStatus.Pending;

    /// <summary>Claims so far; a cell whose runner keeps dying with it is failed after a few.</summary>
    public int Attempts { get; set; }

    /// <summary>Times the provider limited the rate and the cell waited to run again.</summary>
    public int RateLimitRetries { get; set; }

    /// <summary>Not claimed before this time (the provider's Retry-After).</summary>
    public DateTimeOffset AvailableAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>The claim that holds the cell, so a runner's results land only while its claim does.</summary>
    public Guid? ClaimId { get; set; }

    /// <summary>The model's answer. Untrusted.</summary>
    public string? Output { get; set; }

    /// <summary>Why the cell failed, was skipped or cancelled, in the provider's or the portal's words.</summary>
    public string? Error { get; set; }

    public Guid? TraceId { get; set; }

    public double? LatencyMs { get; set; }

    public long InputTokens { get; set; }

    public long OutputTokens { get; set; }

    public decimal Cost { get; set; }

    /// <summary>Each pinned evaluator's result, also saved as a score on the trace.</summary>
    public List<CellEvaluation> Evaluations { get; set; } = [];

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

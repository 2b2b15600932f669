using AiNative.Services.Teams;

namespace AiNative.Services.Experiments.Results;

/// <summary>
/// An ended experiment's summary as worked out for the state it ended in: opening its results reads this row instead of
/// every cell (100,000 cells take seconds). A summary kept for another state (failed cells re-ran) is worked out again.
/// </summary>
public sealed class KeptSummary : ITeamOwned
{
    public Guid ExperimentId { get; init; }

    public Guid TeamId { get; set; }

    public ExperimentStatus Status { get; set; }

    public int Succeeded { get; set; }

    public int Failed { get; set; }

    public int Skipped { get; set; }

    public int Cancelled { get; set; }

    public decimal Cost { get; set; }

    /// <summary>The <see cref="ExperimentSummary"/> as JSON.</summary>
    public required string Summary { get; set; }

    public DateTimeOffset KeptAt { get; set; }

    public ExperimentState State => new(ExperimentId, Status, Succeeded, Failed, Skipped, Cancelled, Cost);
}

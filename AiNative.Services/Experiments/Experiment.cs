using AiNative.Services.Data;
using AiNative.Services.Teams;

namespace AiNative.Services.Experiments;

/// <summary>
/// A side-by-side run of 2–6 variants (a prompt version, a model, settings) over every item of one pinned dataset
/// version, scored by the evaluator versions it pinned. Each item × variant is an <see cref="ExperimentCell"/>; its
/// counters follow the cells' states in the same transactions, so progress reads one row.
/// </summary>
public sealed class Experiment : ITeamOwned, IUniquelyNamed
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>Kept by id without a foreign key: the experiment stays readable after its dataset is deleted.</summary>
    public Guid DatasetId { get; init; }

    public required string DatasetName { get; init; }

    public int DatasetVersion { get; init; }

    /// <summary>How many items the pinned version holds: the rows of the side-by-side view.</summary>
    public int ItemCount { get; init; }

    public List<ExperimentVariant> Variants { get; init; } = [];

    /// <summary>The evaluator versions chosen, copied as they were, so the scores stay explainable after an evaluator changes.</summary>
    public List<PinnedEvaluator> Evaluators { get; init; } = [];

    /// <summary>The run stops once its cost reaches this many US dollars; null runs every cell.</summary>
    public decimal? CostCap { get; init; }

    public int EstimatedCalls { get; init; }

    public decimal EstimatedCost { get; init; }

    public ExperimentStatus Status { get; set; } = ExperimentStatus.Draft;

    /// <summary>Why a run ended early (cancelled, cost cap reached), in a sentence.</summary>
    public string? StopReason { get; set; }

    public int CellCount { get; set; }

    public int SucceededCount { get; set; }

    public int FailedCount { get; set; }

    public int SkippedCount { get; set; }

    public int CancelledCount { get; set; }

    /// <summary>What the cells' calls cost so far, failed and retried calls included.</summary>
    public decimal Cost { get; set; }

    public long InputTokens { get; set; }

    public long OutputTokens { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public Guid? StartedById { get; set; }

    public string? StartedBy { get; set; }

    /// <summary>When the current run (the start, or the last re-run of failed cells) began; with <see cref="DoneAtRunStart"/> it gives the rate.</summary>
    public DateTimeOffset? RunStartedAt { get; set; }

    /// <summary>Cells finished before the current run began.</summary>
    public int DoneAtRunStart { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

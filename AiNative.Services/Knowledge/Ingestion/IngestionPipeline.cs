namespace AiNative.Services.Knowledge.Ingestion;

/// <summary>
/// A document's pipeline state, kept as data (Kernel Memory's <c>DataPipeline</c>): the orchestrator
/// runs the first remaining step and saves this after every step, so a restart resumes where the
/// last run stopped.
/// </summary>
public sealed record IngestionPipeline
{
    public List<string> Steps { get; init; } = [];

    public List<string> RemainingSteps { get; init; } = [];

    public List<string> CompletedSteps { get; init; } = [];

    /// <summary>The index generation this run writes chunks into; fixed by the partition step.</summary>
    public int? Generation { get; init; }

    /// <summary>The blob holding the extracted text, so a restart does not extract again.</summary>
    public string? ExtractedBlob { get; init; }

    /// <summary>Handlers that finished their work on this run (<c>AlreadyProcessedBy</c>/<c>MarkProcessedBy</c>).</summary>
    public List<string> ProcessedBy { get; init; } = [];

    public bool IsComplete => RemainingSteps.Count == 0;

    public static IngestionPipeline Start() => new()
    {
        Steps = [.. PipelineSteps.All],
        RemainingSteps = [.. PipelineSteps.All],
    };

    public bool AlreadyProcessedBy(string step) => ProcessedBy.Contains(step);

    public IngestionPipeline MarkProcessedBy(string step) =>
        this with { ProcessedBy = [.. ProcessedBy.Where(s => s != step), step] };

    /// <summary>Moves the first remaining step to the completed ones.</summary>
    public IngestionPipeline CompleteStep(string step) => this with
    {
        RemainingSteps = [.. RemainingSteps.Where(s => s != step)],
        CompletedSteps = [.. CompletedSteps.Where(s => s != step), step],
    };

    /// <summary>Starts again from partitioning for another generation, keeping the extracted text.</summary>
    public IngestionPipeline RestartFromPartition() => this with
    {
        RemainingSteps = [.. PipelineSteps.All.Skip(1)],
        CompletedSteps = [PipelineSteps.Extract],
        ProcessedBy = [.. ProcessedBy.Where(s => s == PipelineSteps.Extract)],
        Generation = null,
    };
}

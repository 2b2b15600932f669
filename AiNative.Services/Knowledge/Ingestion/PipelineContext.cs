using AiNative.Services.Data;
using AiNative.Services.Knowledge.Extraction;

namespace AiNative.Services.Knowledge.Ingestion;

/// <summary>
/// What a step works on: the document with its pipeline state (which the orchestrator saves after
/// the step), its base, and a way to report progress within the step.
/// </summary>
public sealed class PipelineContext
{
    public required KnowledgeDocument Document { get; init; }

    public required KnowledgeBase Base { get; init; }

    /// <summary>True when re-indexing into a generation that is not searched yet; the document's own status is left alone.</summary>
    public bool IsReindex { get; init; }

    public required Func<double, CancellationToken, Task> ReportProgressAsync { get; init; }

    /// <summary>
    /// Writes, with the step's database context and inside its transaction, the document's state as it is once the
    /// running step has succeeded (the next step started, or ready after the last): the step's rows and the state
    /// then take one commit. A re-index saves nothing of the document.
    /// </summary>
    public Func<PortalDbContext, CancellationToken, Task> SaveStateWithAsync { get; init; } = (_, _) => Task.CompletedTask;

    /// <summary>The text extracted in this run, so partitioning it need not read its artifact back; null after a restart.</summary>
    public ExtractedDocument? Extracted { get; set; }

    /// <summary>
    /// A small (or locally embedded) document's chunks, partitioned and embedded in this run but not written yet: the
    /// save step writes them once, searchable, with the ready state (a commit per step cost a small document more than
    /// its work; a large one's chunks were written three times). A run
    /// stopped before that leaves nothing of them, and the next starts again from the last state written.
    /// </summary>
    public List<KnowledgeChunk>? HeldChunks { get; set; }

    public IngestionPipeline Pipeline
    {
        get => Document.Pipeline;
        set => Document.Pipeline = value;
    }

    /// <summary>The plan of the generation this run writes, fixed at partitioning; null once that generation was replaced.</summary>
    public GenerationPlan? Plan => Pipeline.Generation is { } generation ? Base.PlanFor(generation) : null;
}

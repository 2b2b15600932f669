using AiNative.Services.Data;
using AiNative.Services.Knowledge.Partitioning;
using AiNative.Services.Models;
using AiNative.Services.Platform.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Knowledge.Ingestion;

/// <summary>
/// Cuts the extracted text into chunks for the generation being written. A rerun replaces this
/// run's unfinished chunks in one transaction, so chunks are never duplicated; the document's state
/// after the step (extracted text and chunks done) is saved in the same transaction. A new document's
/// chunks are held for the save step instead (<see cref="PipelineContext.HeldChunks"/>) when one embedding call
/// takes them, or when the built-in offline model embeds them (up to <see cref="KnowledgeOptions.MaxHeldLocallyEmbeddedChunks"/>: writing each chunk once beats writing it three times, inserted, its vector, searchable).
/// </summary>
internal sealed class PartitionStep(
    IDbContextFactory<PortalDbContext> dbFactory,
    ExtractedArtifacts artifacts,
    TextPartitioner partitioner,
    WriteGate writeGate,
    IOptions<KnowledgeOptions> options) : IPipelineStepHandler
{
    public string StepName => PipelineSteps.Partition;

    public async Task<StepResult> InvokeAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        if (!artifacts.Exists(context.Pipeline.ExtractedBlob))
        {
            return StepResult.RestartFrom(PipelineSteps.Extract, "The extracted text is missing; extracting again.");
        }

        // A new run writes the generation searches read, unless it re-indexes into the one being built.
        var generation = context.Pipeline.Generation ?? context.Base.ActiveGeneration;
        var plan = context.Base.PlanFor(generation);
        if (plan is null)
        {
            return StepResult.RestartFrom(PipelineSteps.Partition, "The index was rebuilt meanwhile; partitioning for the new index.");
        }

        var extracted = context.Extracted ?? await artifacts.LoadAsync(context.Pipeline.ExtractedBlob!, cancellationToken);
        var pieces = partitioner.Partition(extracted, plan.Partitioning);
        if (pieces.Count == 0)
        {
            return StepResult.FatalError("No text was found in the document.");
        }

        var document = context.Document;
        context.Pipeline = context.Pipeline with { Generation = generation };
        if (!context.IsReindex)
        {
            document.ChunkCount = pieces.Count;
            document.TokenCount = pieces.Sum(p => (long)p.Tokens);
        }

        var chunks = pieces.Select((piece, ordinal) => new KnowledgeChunk
        {
            TeamId = document.TeamId,
            KnowledgeBaseId = document.KnowledgeBaseId,
            DocumentId = document.Id,
            Generation = generation,
            Ordinal = ordinal,
            Text = piece.Text,
            Tokens = piece.Tokens,
            Page = piece.Page,
            Heading = piece.Heading is { Length: > 500 } heading ? heading[..500] : piece.Heading,
        }).ToList();

        // A re-index's runs are few and long; holding pays where a small document's commits cost more than its work.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!context.IsReindex && (chunks.Count <= options.Value.EmbeddingBatchSize
            || (chunks.Count <= options.Value.MaxHeldLocallyEmbeddedChunks && await EmbeddedLocallyAsync(db, plan.EmbeddingModelId, cancellationToken))))
        {
            context.HeldChunks = chunks;
            return StepResult.Success;
        }

        using var pass = await writeGate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await WriteUnfinishedAsync(db, document.Id, generation, chunks, cancellationToken);
        await context.SaveStateWithAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StepResult.Success;
    }

    private static Task<bool> EmbeddedLocallyAsync(PortalDbContext db, Guid modelId, CancellationToken cancellationToken) =>
        db.Models.AnyAsync(m => m.Id == modelId && m.Provider.Kind == ProviderKind.Offline, cancellationToken);

    /// <summary>Replaces the document's unfinished chunks of <paramref name="generation"/> with <paramref name="chunks"/>, in the caller's transaction.</summary>
    public static async Task WriteUnfinishedAsync(PortalDbContext db, Guid documentId, int generation, List<KnowledgeChunk> chunks, CancellationToken cancellationToken)
    {
        await db.KnowledgeChunks
            .Where(c => c.DocumentId == documentId && c.Generation == generation && !c.Searchable)
            .ExecuteDeleteAsync(cancellationToken);
        await ChunkRows.InsertAsync(db, chunks);
    }
}

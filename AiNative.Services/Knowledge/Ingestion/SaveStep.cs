using AiNative.Services.Data;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge.Ingestion;

/// <summary>
/// Makes the run's chunks searchable: in one transaction the document's previous chunks of the
/// generation go and the new ones become searchable, in the keyword index too, and the document
/// becomes ready (held chunks are written then, searchable at once); then every replica's vector segment is
/// told to read the document's vectors again.
/// A document deleted meanwhile gets neither.
/// </summary>
internal sealed class SaveStep(IDbContextFactory<PortalDbContext> dbFactory, VectorIndex vectors, WriteGate writeGate) : IPipelineStepHandler
{
    public string StepName => PipelineSteps.Save;

    public async Task<StepResult> InvokeAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        if (context.Plan is not { } plan)
        {
            return StepResult.RestartFrom(PipelineSteps.Partition, "The index was rebuilt meanwhile; partitioning for the new index.");
        }

        var document = context.Document;
        var generation = plan.Generation;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = db.KnowledgeChunks.Where(c => c.DocumentId == document.Id && c.Generation == generation && !c.Searchable);
        var held = context.HeldChunks;
        if (held is null ? await pending.AnyAsync(c => c.Vector == null, cancellationToken) : held.Any(c => c.Vector is null))
        {
            return StepResult.RestartFrom(PipelineSteps.Embed, "Some chunks have no vector yet; embedding them.");
        }

        using (await writeGate.EnterAsync(cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // A document deleted meanwhile keeps nothing of this run; without foreign keys its chunks would outlive it.
            if (!await db.KnowledgeDocuments.AnyAsync(d => d.Id == document.Id, cancellationToken))
            {
                await pending.ExecuteDeleteAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return StepResult.DocumentDeleted;
            }

            // The document is ready in the same commit; a process killed before telling the other replicas leaves
            // them to their periodic comparison with the database (VectorIndex.RecheckInterval).
            if (held is not null)
            {
                // Any chunks of the generation are an earlier run's: the held ones replace them, written once.
                await db.KnowledgeChunks.Where(c => c.DocumentId == document.Id && c.Generation == generation).ExecuteDeleteAsync(cancellationToken);
                held.ForEach(c => c.Searchable = true);
                await ChunkRows.InsertAsync(db, held);
                await KeywordIndexMaintenance.DocumentSavedAsync(db, document.KnowledgeBaseId, generation, document.Id, cancellationToken);
            }
            else if (await pending.AnyAsync(cancellationToken))
            {
                await db.KnowledgeChunks.Where(c => c.DocumentId == document.Id && c.Generation == generation && c.Searchable)
                    .ExecuteDeleteAsync(cancellationToken);
                await pending.ExecuteUpdateAsync(s => s.SetProperty(c => c.Searchable, true), cancellationToken);
                await KeywordIndexMaintenance.DocumentSavedAsync(db, document.KnowledgeBaseId, generation, document.Id, cancellationToken);
            }

            if (held is not null)
            {
                document.ChunkCount = held.Count;
                document.TokenCount = held.Sum(c => (long)c.Tokens);
            }
            else if (!context.IsReindex)
            {
                var live = await db.KnowledgeChunks.AsNoTracking()
                    .Where(c => c.DocumentId == document.Id && c.Generation == generation && c.Searchable)
                    .Select(c => c.Tokens)
                    .ToListAsync(cancellationToken);
                document.ChunkCount = live.Count;
                document.TokenCount = live.Sum(tokens => (long)tokens);
            }

            await context.SaveStateWithAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            context.HeldChunks = null;
        }

        vectors.DocumentChanged(document.KnowledgeBaseId, generation, document.Id);
        return StepResult.Success;
    }
}

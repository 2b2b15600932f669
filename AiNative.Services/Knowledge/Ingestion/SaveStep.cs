using AiNative.Services.Data;
using AiNative.Services.Knowledge.Search;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge.Ingestion;

/// <summary>
/// Makes the run's chunks searchable: in one transaction the document's previous chunks of the
/// generation go and the new ones become searchable (the keyword index already holds their text);
/// then the in-memory vector segment takes the new vectors. A document deleted meanwhile gets neither.
/// </summary>
internal sealed class SaveStep(IDbContextFactory<PortalDbContext> dbFactory, VectorIndex vectors) : IPipelineStepHandler
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
        if (await pending.AnyAsync(c => c.Vector == null, cancellationToken))
        {
            return StepResult.RestartFrom(PipelineSteps.Embed, "Some chunks have no vector yet; embedding them.");
        }

        List<LiveChunk> live;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // A document deleted meanwhile keeps nothing of this run; without foreign keys its chunks would outlive it.
            if (!await db.KnowledgeDocuments.AnyAsync(d => d.Id == document.Id, cancellationToken))
            {
                await pending.ExecuteDeleteAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return StepResult.DocumentDeleted;
            }

            // A crash after this commit reruns the step, which then finds nothing pending and changes nothing.
            if (await pending.AnyAsync(cancellationToken))
            {
                await db.KnowledgeChunks.Where(c => c.DocumentId == document.Id && c.Generation == generation && c.Searchable)
                    .ExecuteDeleteAsync(cancellationToken);
                await pending.ExecuteUpdateAsync(s => s.SetProperty(c => c.Searchable, true), cancellationToken);
            }

            live = await db.KnowledgeChunks.AsNoTracking()
                .Where(c => c.DocumentId == document.Id && c.Generation == generation && c.Searchable)
                .Select(c => new LiveChunk(c.Id, c.Tokens, c.Vector!))
                .ToListAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var rows = live.Select(c => new VectorRow(c.Id, document.Id, VectorMath.FromBytes(c.Vector).ToArray())).ToList();
        vectors.Update(document.KnowledgeBaseId, generation, segment => segment.ReplaceDocument(document.Id, rows));

        // A delete that committed after the transaction may have cleared the segment before these rows went in.
        if (!await db.KnowledgeDocuments.AnyAsync(d => d.Id == document.Id, cancellationToken))
        {
            vectors.Update(document.KnowledgeBaseId, generation, segment => segment.RemoveDocument(document.Id));
            return StepResult.DocumentDeleted;
        }

        if (!context.IsReindex)
        {
            document.ChunkCount = live.Count;
            document.TokenCount = live.Sum(c => (long)c.Tokens);
        }

        return StepResult.Success;
    }

    private sealed record LiveChunk(long Id, int Tokens, byte[] Vector);
}

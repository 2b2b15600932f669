using System.Data.Common;
using AiNative.Services.Traces;
using AiNative.Services.Data;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Models;
using AiNative.Services.Models.Invocation;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Platform.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Knowledge.Ingestion;

/// <summary>
/// Embeds the run's chunks in batches through the one model-invocation path, a bounded number of
/// calls at a time, each retried with back-off. Only chunks without a vector are sent, so a
/// resumed run skips the batches that were finished before it stopped; held chunks get theirs in
/// memory. A run is one trace (source ingestion) with an embedding observation per call.
/// </summary>
internal sealed class EmbedStep(
    IDbContextFactory<PortalDbContext> dbFactory,
    ModelInvoker invoker,
    EmbeddingRetry retry,
    TraceRecorder recorder,
    TokenCounter tokens,
    WriteGate writeGate,
    IOptions<KnowledgeOptions> options) : IPipelineStepHandler
{
    public string StepName => PipelineSteps.Embed;

    public async Task<StepResult> InvokeAsync(PipelineContext context, CancellationToken cancellationToken)
    {
        if (context.Plan is not { } plan)
        {
            return StepResult.RestartFrom(PipelineSteps.Partition, "The index was rebuilt meanwhile; partitioning for the new index.");
        }

        var documentId = context.Document.Id;
        List<KnowledgeChunk> waiting;
        int total;
        if (context.HeldChunks is { } held)
        {
            waiting = [.. held.Where(c => c.Vector is null)];
            total = held.Count;
        }
        else
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var chunks = db.KnowledgeChunks.Where(c => c.DocumentId == documentId && c.Generation == plan.Generation && !c.Searchable);
            total = await chunks.CountAsync(cancellationToken);
            waiting = await chunks.Where(c => c.Vector == null).OrderBy(c => c.Ordinal)
                .Select(c => new KnowledgeChunk { Id = c.Id, Text = c.Text, Heading = c.Heading, Tokens = c.Tokens })
                .ToListAsync(cancellationToken);
        }

        var done = total - waiting.Count;
        if (waiting.Count == 0)
        {
            return StepResult.Success;
        }

        var trace = await recorder.StartAsync(TraceSource.Ingestion, $"embed {context.Document.FileName}", cancellationToken);
        trace.Trace.Metadata["ainative.document.id"] = documentId.ToString();
        trace.Trace.Metadata["ainative.document.chunks"] = waiting.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var status = TraceStatus.Failed;
        try
        {
            await Parallel.ForEachAsync(
                waiting.Chunk(Math.Max(1, options.Value.EmbeddingBatchSize)),
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.EmbeddingConcurrency), CancellationToken = cancellationToken },
                async (batch, ct) =>
                {
                    // The heading travels with the text, so "Install › Linux" helps find a chunk that only says "run the script".
                    var texts = batch.Select(c => c.Heading is null ? c.Text : $"{c.Heading}\n\n{c.Text}").ToList();

                    // Partitioning counted each chunk's tokens; the heading's are added (its separator is one more).
                    var counts = batch.Select(c => c.Heading is null ? c.Tokens : c.Tokens + tokens.Count(c.Heading) + 1).ToList();
                    var result = await retry.ExecuteAsync(
                        async token => await invoker.EmbedAsync(
                            new EmbeddingInvocation
                            {
                                ModelId = plan.EmbeddingModelId, Texts = texts, TokenCounts = counts, Source = TraceSource.Ingestion, Trace = trace,
                            },
                            token),
                        ct);
                    if (context.HeldChunks is null)
                    {
                        await SaveVectorsAsync(batch.Select(c => c.Id).ToList(), result.Vectors, ct);
                    }
                    else
                    {
                        // Held chunks are written with their vectors by the save step.
                        for (var i = 0; i < batch.Length; i++)
                        {
                            batch[i].Vector = StoredVector(result.Vectors[i]);
                        }
                    }

                    var finished = Interlocked.Add(ref done, batch.Length);
                    await context.ReportProgressAsync(total == 0 ? 1 : (double)finished / total, ct);
                });
            status = TraceStatus.Succeeded;
        }
        catch (ProviderCallException e)
        {
            var retries = e.IsTransient && options.Value.EmbeddingRetries > 0 ? $" after {options.Value.EmbeddingRetries} retries" : string.Empty;
            return StepResult.FatalError($"Embedding failed{retries}: {e.Message}");
        }
        catch (NotFoundException)
        {
            return StepResult.FatalError(
                "The knowledge base's embedding model no longer exists. Choose another embedding model in the base's settings; that re-indexes the base.");
        }
        catch (PortalException e) when (e is ValidationFailedException or ConflictException or ContextWindowExceededException)
        {
            return StepResult.FatalError($"Embedding failed: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            status = TraceStatus.Cancelled;
            throw;
        }
        finally
        {
            await trace.EndAsync(status);
        }

        return StepResult.Success;
    }

    /// <summary>
    /// Writes one batch's vectors in one transaction, each by its chunk's id with one prepared statement: reading the
    /// rows back first (text and all) to change one column cost more than the embedding, and a query built per row
    /// (ExecuteUpdate) cost more than its write. A chunk deleted meanwhile updates nothing.
    /// </summary>
    private async Task SaveVectorsAsync(List<long> ids, IReadOnlyList<ReadOnlyMemory<float>> vectors, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        using var pass = await writeGate.EnterAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = """UPDATE "KnowledgeChunks" SET "Vector" = @vector WHERE "Id" = @id""";
        var vector = AddParameter(command, "@vector");
        var id = AddParameter(command, "@id");
        for (var i = 0; i < ids.Count; i++)
        {
            vector.Value = StoredVector(vectors[i]);
            id.Value = ids[i];
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static byte[] StoredVector(ReadOnlyMemory<float> vector) => VectorMath.ToBytes(VectorMath.Normalized(vector.Span));

    private static DbParameter AddParameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}

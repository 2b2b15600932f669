using AiNative.Services.Data;
using AiNative.Services.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge.Ingestion;

/// <summary>The durable job that ingests one document; the pipeline state on the document says where to resume.</summary>
internal sealed class IngestDocumentJob(IngestionOrchestrator orchestrator, IDbContextFactory<PortalDbContext> dbFactory) : IJobHandler
{
    public const string JobKind = "knowledge.ingest";

    public string Kind => JobKind;

    public Task<JobOutcome> RunAsync(JobRun run, CancellationToken cancellationToken) =>
        orchestrator.RunAsync(run.PayloadAs<IngestDocumentPayload>().DocumentId, cancellationToken);

    public async Task OnFailedAsync(JobRun run, string reason, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.KnowledgeDocuments.SingleOrDefaultAsync(d => d.Id == run.PayloadAs<IngestDocumentPayload>().DocumentId, cancellationToken);
        if (document is not null && document.Status != DocumentStatus.Failed)
        {
            await orchestrator.FailAsync(db, document, reason, cancellationToken);
        }
    }
}

using System.Text.Json;
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
        var documentId = run.PayloadAs<IngestDocumentPayload>().DocumentId;

        // Ready or failed: a run ended it, this one or a retry's, whose job may even have ended before this failure is recorded.
        var document = await db.KnowledgeDocuments.SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null || document.Status is DocumentStatus.Ready or DocumentStatus.Failed)
        {
            return;
        }

        // A document retried or re-ingested since this job failed belongs to the job queued then.
        var payload = JsonSerializer.Serialize(new IngestDocumentPayload(documentId));
        if (await db.Jobs.AnyAsync(
                j => j.Kind == JobKind && j.Payload == payload && j.Id != run.JobId && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running),
                cancellationToken))
        {
            return;
        }

        await orchestrator.FailAsync(db, document, reason, cancellationToken);
    }
}

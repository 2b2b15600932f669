using System.Text.Json;
using AiNative.Services.Data;
using AiNative.Services.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge.Ingestion;

/// <summary>The documents of a base being ingested, which a re-index waits for before it swaps generations.</summary>
internal static class InFlightIngestion
{
    public static Task<List<Guid>> ListAsync(PortalDbContext db, Guid baseId, CancellationToken cancellationToken) =>
        db.KnowledgeDocuments
            .Where(d => d.KnowledgeBaseId == baseId && (d.Status == DocumentStatus.Queued || d.Status == DocumentStatus.Processing))
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Queues an ingestion job for each of <paramref name="documentIds"/> that has none queued or
    /// running (a crash while its job failed, a hand edit): nothing would ever finish it, and the
    /// re-index would wait for it forever. The job resumes the document's pipeline where it stopped.
    /// </summary>
    /// <returns>How many documents were resumed; the caller saves and wakes the workers.</returns>
    public static async Task<int> ResumeStrandedAsync(PortalDbContext db, JobQueue jobs, IReadOnlyList<Guid> documentIds, CancellationToken cancellationToken)
    {
        // Ingestion payloads are compared as text, as IngestDocumentJob does: the payload holds nothing else.
        var payloads = documentIds.ToDictionary(id => JsonSerializer.Serialize(new IngestDocumentPayload(id)));
        var live = await db.Jobs
            .Where(j => j.Kind == IngestDocumentJob.JobKind && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running) && payloads.Keys.Contains(j.Payload))
            .Select(j => j.Payload)
            .ToListAsync(cancellationToken);
        var stranded = payloads.Where(p => !live.Contains(p.Key)).Select(p => p.Value).ToList();
        foreach (var documentId in stranded)
        {
            jobs.Add(db, IngestDocumentJob.JobKind, new IngestDocumentPayload(documentId));
        }

        return stranded.Count;
    }
}

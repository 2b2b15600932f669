using AiNative.Services.Data;
using AiNative.Services.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge;

/// <summary>Removes a document's blobs (the upload and its extracted text), each once no document of any team refers to it.</summary>
public sealed class DocumentFiles(IDbContextFactory<PortalDbContext> dbFactory, IBlobStore blobs)
{
    public async Task DeleteIfUnusedAsync(string sha256, string? extractedBlob, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // Blobs are shared by content across bases and teams, so the check crosses teams.
        if (await db.KnowledgeDocuments.IgnoreQueryFilters().AnyAsync(d => d.Sha256 == sha256, cancellationToken))
        {
            return;
        }

        blobs.Delete(sha256);
        if (extractedBlob is not null && !await ExtractedTextInUseAsync(db, extractedBlob, cancellationToken))
        {
            blobs.Delete(extractedBlob);
        }
    }

    // Files that differ only in what extraction drops (white space, encoding) share one extracted-text
    // blob; only the pipeline's JSON names it. The hash is hex, so it holds no LIKE wildcard.
    private static Task<bool> ExtractedTextInUseAsync(PortalDbContext db, string hash, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<int>($"""SELECT 1 AS "Value" FROM "KnowledgeDocuments" WHERE "Pipeline" LIKE {"%" + hash + "%"}""")
            .AnyAsync(cancellationToken);
}

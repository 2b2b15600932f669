using AiNative.Services.Data;
using AiNative.Services.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge;

/// <summary>Removes a document's blobs (the upload and its extracted text) once no document of any team refers to them.</summary>
public sealed class DocumentFiles(IDbContextFactory<PortalDbContext> dbFactory, BlobStore blobs)
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
        if (extractedBlob is not null)
        {
            blobs.Delete(extractedBlob);
        }
    }
}

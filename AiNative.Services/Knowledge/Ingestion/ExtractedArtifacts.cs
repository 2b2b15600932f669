using System.Text.Json;
using AiNative.Services.Knowledge.Extraction;
using AiNative.Services.Platform.Storage;

namespace AiNative.Services.Knowledge.Ingestion;

/// <summary>Extracted text kept as a JSON blob, so partitioning after a restart or a re-index does not extract again.</summary>
public sealed class ExtractedArtifacts(IBlobStore blobs)
{
    public async Task<string> SaveAsync(ExtractedDocument document, CancellationToken cancellationToken)
    {
        using var json = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(document));
        return (await blobs.SaveAsync(json, cancellationToken)).Hash;
    }

    public bool Exists(string? hash) => hash is not null && blobs.Exists(hash);

    public async Task<ExtractedDocument> LoadAsync(string hash, CancellationToken cancellationToken)
    {
        await using var stream = blobs.OpenRead(hash);
        return await JsonSerializer.DeserializeAsync<ExtractedDocument>(stream, cancellationToken: cancellationToken)
            ?? throw new InvalidDataException($"The extracted text {hash} is empty.");
    }
}

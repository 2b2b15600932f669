namespace AiNative.Services.Platform.Storage;

/// <summary>
/// Content-addressed blobs: a blob's name is the lower-case SHA-256 of its bytes, so the same
/// content is stored once and no user-supplied name ever reaches the store. Today a folder every
/// replica mounts (<see cref="FolderBlobStore"/>); an object store can implement it later.
/// </summary>
public interface IBlobStore
{
    /// <summary>Copies the stream into the store and returns its hash and size.</summary>
    Task<StoredBlob> SaveAsync(Stream content, CancellationToken cancellationToken);

    Stream OpenRead(string hash);

    bool Exists(string hash);

    /// <summary>Removes the blob; one that is not there is already removed.</summary>
    void Delete(string hash);
}

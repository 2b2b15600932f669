using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Platform.Storage;

/// <summary>
/// Blobs as files under the data folder's <c>blobs/</c>, two levels of hash prefix deep. Replicas
/// share them by mounting one folder; a file appears under its name only when complete (written
/// to a temporary name, then moved), so another replica never reads half a file. Files and folders are owner-only.
/// </summary>
public sealed class FolderBlobStore(IOptions<StorageOptions> options) : IBlobStore
{
    private readonly string _root = options.Value.BlobFolder;

    public async Task<StoredBlob> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        OwnerOnly.CreateFolder(_root);
        var temporary = Path.Combine(_root, $".upload-{Guid.NewGuid():N}");
        try
        {
            string hash;
            long size;
            await using (var file = OwnerOnly.CreateFile(temporary))
            {
                using var hasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hasher.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                size = file.Length;
                hash = Convert.ToHexStringLower(hasher.GetHashAndReset());
            }

            var target = PathOf(hash);
            OwnerOnly.CreateFolder(Path.GetDirectoryName(target)!);
            if (File.Exists(target))
            {
                File.Delete(temporary);
            }
            else
            {
                File.Move(temporary, target);
            }

            return new StoredBlob(hash, size);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public Stream OpenRead(string hash) => File.OpenRead(PathOf(hash));

    public bool Exists(string hash) => File.Exists(PathOf(hash));

    public void Delete(string hash)
    {
        var path = PathOf(hash);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private string PathOf(string hash)
    {
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("A blob is named by its lower-case SHA-256.", nameof(hash));
        }

        return Path.Combine(_root, hash[..2], hash[2..4], hash);
    }
}

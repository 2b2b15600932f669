using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Platform.Storage;

/// <summary>
/// Content-addressed files: a blob's name is the SHA-256 of its bytes, so the same content is
/// stored once and no user-supplied name ever reaches the file system.
/// </summary>
public sealed class BlobStore(IOptions<StorageOptions> options)
{
    private readonly string _root = options.Value.BlobFolder;

    /// <summary>Copies the stream into the store and returns its hash and size.</summary>
    public async Task<StoredBlob> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_root);
        var temporary = Path.Combine(_root, $".upload-{Guid.NewGuid():N}");
        try
        {
            string hash;
            long size;
            await using (var file = File.Create(temporary))
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
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
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

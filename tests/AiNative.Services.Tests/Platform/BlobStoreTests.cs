using System.Security.Cryptography;
using System.Text;
using AiNative.Services.Platform.Storage;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Tests.Platform;

public sealed class BlobStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ainative-tests", Guid.NewGuid().ToString("N"));
    private readonly FolderBlobStore _store;

    public BlobStoreTests() => _store = new FolderBlobStore(Options.Create(new StorageOptions { DataFolder = _folder }));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Save_names_the_blob_by_its_sha256_and_keeps_one_copy_of_equal_content()
    {
        var bytes = Encoding.UTF8.GetBytes("# Handbook\nHello.");
        var first = await _store.SaveAsync(new MemoryStream(bytes), TestContext.Current.CancellationToken);
        var second = await _store.SaveAsync(new MemoryStream(bytes), TestContext.Current.CancellationToken);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), first.Hash);
        Assert.Equal(first, second);
        Assert.Equal(bytes.Length, first.Size);
        Assert.Single(Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories));
        await using var read = _store.OpenRead(first.Hash);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy, TestContext.Current.CancellationToken);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF")]
    public void A_name_that_is_not_a_hash_never_reaches_the_file_system(string name)
    {
        Assert.Throws<ArgumentException>(() => _store.OpenRead(name));
    }
}

using AiNative.Services.Knowledge;
using AiNative.Services.Platform.Storage;
using AiNative.Services.Tests.Knowledge;
using AiNative.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Tests.Platform;

/// <summary>The data folder holds the database (with the key ring) and every upload: other users of the machine read none of it.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFolderPermissionsTests
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;

    [Fact]
    public async Task The_data_folder_its_database_and_uploaded_files_are_readable_by_the_owner_only()
    {
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        await scope.CreateBaseAsync("Private");

        // Ingested to the end, so that no file is half-written (a temporary one renamed into place) while the folder is listed.
        var document = await scope.IngestAsync("Private", Ingestion.Text("salaries.md", "# Salaries\n\nConfidential figures."));

        Assert.Equal(DocumentStatus.Ready, document.Status);
        var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(storage.DataFolder));
        Assert.All(Directory.EnumerateDirectories(storage.BlobFolder, "*", SearchOption.AllDirectories).Append(storage.BlobFolder),
            folder => Assert.Equal(OwnerFolder, File.GetUnixFileMode(folder)));
        var blobs = Directory.EnumerateFiles(storage.BlobFolder, "*", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(blobs);
        Assert.All(blobs, file => Assert.Equal(OwnerFile, File.GetUnixFileMode(file)));
        if (!TestDatabase.IsPostgres)
        {
            Assert.Equal(OwnerFile, File.GetUnixFileMode(storage.DatabasePath));
        }
    }
}

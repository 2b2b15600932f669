using AiNative.Services.Knowledge;
using AiNative.Services.Platform.Storage;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Tests.Knowledge;

public sealed class SharedFilesTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deleting_one_of_two_documents_with_the_same_text_keeps_the_extracted_text_of_the_other()
    {
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        await scope.CreateBaseAsync("Zoo");
        var original = await scope.IngestAsync("Zoo", Ingestion.Text("koalas.txt", "Koalas eat eucalyptus leaves.\n"));
        var copy = await scope.IngestAsync("Zoo", Ingestion.Text("koalas-copy.txt", "Koalas eat eucalyptus leaves.\n\n"));
        var extracted = await SharedExtractedBlobAsync(scope, original.Id, copy.Id);
        var blobs = host.Services.GetRequiredService<IBlobStore>();

        await scope.Get<KnowledgeDocuments>().DeleteAsync("Zoo", copy.Id, Cancel);
        var keptForOriginal = blobs.Exists(extracted);
        await scope.Get<KnowledgeDocuments>().DeleteAsync("Zoo", original.Id, Cancel);

        Assert.True(keptForOriginal);
        Assert.False(blobs.Exists(extracted));
        Assert.False(blobs.Exists(copy.Sha256));
        Assert.False(blobs.Exists(original.Sha256));
    }

    /// <summary>The one extracted-text blob both documents refer to.</summary>
    private static async Task<string> SharedExtractedBlobAsync(TeamScope scope, params Guid[] documentIds)
    {
        await using var db = await scope.DbAsync();
        var pipelines = await db.KnowledgeDocuments.Where(d => documentIds.Contains(d.Id)).Select(d => d.Pipeline).ToListAsync(Cancel);
        Assert.Equal(documentIds.Length, pipelines.Count);
        return Assert.Single(pipelines.Select(p => p.ExtractedBlob).Distinct()) ?? throw new InvalidOperationException("No extracted text.");
    }
}

using System.Text;
using AiNative.Portal.Client;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Portal.Client.Http;
using AiNative.Services.Knowledge;
using AiNative.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Portal.Tests.Knowledge;

/// <summary>The WebAssembly side's <see cref="IKnowledgeApi"/> over HTTP against the real portal.</summary>
public sealed class HttpKnowledgeApiTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();
    private ServiceProvider _browser = null!;
    private IKnowledgeApi _api = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _portal.CreateAdministratorAsync();
        var client = await _portal.SignInAsync();
        var services = new ServiceCollection();
        services.AddHttpApis(client.BaseAddress!);

        // The signed-in test client stands in for the browser's HttpClient.
        services.AddScoped(_ => client);
        _browser = services.BuildServiceProvider();
        var scope = _browser.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentTeam>().Set(await _portal.DemoTeamIdAsync());
        _api = scope.ServiceProvider.GetRequiredService<IKnowledgeApi>();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _portal.Dispose();
    }

    [Fact]
    public async Task The_http_client_uploads_watches_searches_asks_and_deletes()
    {
        var created = await _api.CreateBaseAsync(new SaveKnowledgeBaseRequest("Recipes", "Kitchen notes", null, new PartitioningDto(120, 20, SplitterDto.Markdown)), Cancel);
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var changes = new List<DocumentChangeDto>();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watch = Task.Run(async () =>
        {
            await foreach (var change in _api.WatchDocumentsAsync("Recipes", watching.Token))
            {
                listening.TrySetResult();
                changes.Add(change);
                if (change.Status == DocumentStatusDto.Ready)
                {
                    return;
                }
            }
        }, Cancel);
        await ListeningAsync(created.Id, listening.Task);

        var upload = await _api.UploadAsync("Recipes",
        [
            new UploadFileDto("bread.md", new MemoryStream(Encoding.UTF8.GetBytes("# Bread\n\nKnead the dough for ten minutes, then let it rise for an hour."))),
            new UploadFileDto("empty.txt", new MemoryStream()),
        ], new Dictionary<string, List<string>> { ["course"] = ["baking"] }, cancellationToken: Cancel);
        await watch.WaitAsync(TimeSpan.FromSeconds(60), Cancel);
        var bread = upload.Files[0].DocumentId!.Value;
        var status = await _api.GetDocumentAsync("Recipes", bread, Cancel);
        var found = await _api.SearchAsync(new SearchRequestDto("Recipes", "how long should dough rise", Tags: new Dictionary<string, List<string>> { ["course"] = ["baking"] }), Cancel);
        var answer = await _api.AskAsync(new AskRequestDto("Recipes", "How long do I knead the dough?"), Cancel);
        await _api.DeleteDocumentAsync("Recipes", bread, Cancel);
        var missing = await Assert.ThrowsAsync<ApiException>(() => _api.GetDocumentAsync("Recipes", bread, Cancel));

        Assert.Equal(120, created.Partitioning.MaxTokensPerChunk);
        Assert.Equal([UploadStatusDto.Accepted, UploadStatusDto.Rejected], upload.Files.Select(f => f.Status));
        Assert.Equal("The file is empty.", upload.Files[1].Message);
        Assert.Contains(changes, c => c.DocumentId == bread && c.Status == DocumentStatusDto.Processing && c.Step == "embed");
        Assert.Equal(DocumentStatusDto.Ready, changes[^1].Status);
        Assert.True(status.Completed);
        Assert.Equal(["baking"], status.Tags["course"]);
        Assert.Equal("bread.md", found.Results[0].SourceName);
        Assert.Contains("ten minutes", answer.Text);
        Assert.Equal(404, missing.Status);
    }

    /// <summary>
    /// The stream sends nothing before a change, so a probe change (a document still queued) is raised until the watcher
    /// has one: on a busy machine the upload's changes could otherwise come before the watcher listens, and be missed.
    /// </summary>
    private async Task ListeningAsync(Guid knowledgeBaseId, Task listening)
    {
        var events = _portal.Services.GetRequiredService<KnowledgeEvents>();
        var probe = new DocumentStatusChanged(await _portal.DemoTeamIdAsync(), knowledgeBaseId, Guid.NewGuid(), DocumentStatus.Queued, null, 0, null, 0, 0);
        await Poll.TrueAsync("the document watch receives a change", () =>
        {
            events.Raise(probe);
            return Task.FromResult(listening.IsCompleted);
        });
    }

    [Fact]
    public async Task Problems_reach_the_http_client_as_api_exceptions_with_field_errors()
    {
        var duplicateName = await Assert.ThrowsAsync<ApiException>(() => _api.CreateBaseAsync(new SaveKnowledgeBaseRequest("Portal handbook"), Cancel));
        var badSettings = await Assert.ThrowsAsync<ApiException>(() =>
            _api.CreateBaseAsync(new SaveKnowledgeBaseRequest("Tiny", Partitioning: new PartitioningDto(10, 20, SplitterDto.PlainText)), Cancel));
        var emptyQuestion = await Assert.ThrowsAsync<ApiException>(() => _api.AskAsync(new AskRequestDto("Portal handbook", ""), Cancel));

        Assert.Equal(409, duplicateName.Status);
        Assert.Equal(400, badSettings.Status);
        Assert.Contains("Partitioning.MaxTokensPerChunk", badSettings.Errors.Keys);
        Assert.Contains("Partitioning.OverlapTokens", badSettings.Errors.Keys);
        Assert.Equal("Enter a question.", emptyQuestion.Errors["Question"].Single());
    }

    [Fact]
    public async Task The_http_client_pages_and_searches_documents_reads_chunks_and_text_and_previews_partitioning()
    {
        await _portal.Services.WaitUntilReadyAsync(await _portal.DemoTeamIdAsync(), KnowledgeArrangements.Handbook);
        var handbook = (await _api.ListBasesAsync(Cancel)).Single(b => b.Name == KnowledgeArrangements.Handbook);
        var all = await _api.QueryDocumentsAsync("Portal handbook", new DocumentListQuery(PageSize: 2), Cancel);
        var found = await _api.QueryDocumentsAsync("Portal handbook", new DocumentListQuery("KNOWLEDGE", Status: DocumentStatusDto.Ready, Sort: DocumentSortDto.Name), Cancel);
        var knowledge = Assert.Single(found.Items);
        var chunks = await _api.ListChunksAsync("Portal handbook", knowledge.DocumentId, 1, 3, Cancel);
        var text = await _api.GetExtractedTextAsync("Portal handbook", knowledge.DocumentId, cancellationToken: Cancel);
        var preview = await _api.PreviewPartitioningAsync(handbook.Id,
            new PartitioningPreviewRequest(new PartitioningDto(100, 10, SplitterDto.Markdown), knowledge.DocumentId, 3), Cancel);

        Assert.Equal((2, handbook.DocumentCount), (all.Items.Count, all.Total));
        Assert.Equal("knowledge.md", knowledge.FileName);
        Assert.Equal((knowledge.ChunkCount, 3), (chunks.Total, chunks.Items.Count));
        Assert.Equal([0, 1, 2], chunks.Items.Select(c => c.PartitionNumber));
        Assert.NotEmpty(text.Sections);
        Assert.True(text.Characters > 0);
        Assert.Equal((knowledge.ChunkCount, 3), (preview.CurrentChunks, preview.FirstChunks.Count));
    }

    [Fact]
    public async Task The_http_client_reads_the_sentences_an_answer_quoted_and_the_chunks_around_a_cited_one()
    {
        await _portal.Services.WaitUntilReadyAsync(await _portal.DemoTeamIdAsync(), KnowledgeArrangements.Handbook);

        var answer = await _api.AskAsync(new AskRequestDto(KnowledgeArrangements.Handbook, "What steps does each document pass during ingestion?"), Cancel);
        var cited = answer.RelevantSources.First(s => s.Cited);
        var context = await _api.GetChunkContextAsync(cited.ChunkId, 1, 1, Cancel);
        var tooFar = await Assert.ThrowsAsync<ApiException>(() => _api.GetChunkContextAsync(cited.ChunkId, 50, 1, Cancel));

        var quoted = Assert.Single(cited.Quoted!.Take(1));
        Assert.Contains(cited.Text.Substring(quoted.Start, quoted.Length).TrimEnd('.'), answer.Text, StringComparison.Ordinal);
        Assert.Equal(cited.ChunkId, context.Chunk.ChunkId);
        Assert.All(context.Before, c => Assert.Equal(context.Chunk.PartitionNumber - 1, c.PartitionNumber));
        Assert.All(context.After, c => Assert.Equal(context.Chunk.PartitionNumber + 1, c.PartitionNumber));
        Assert.True(context.Before.Count + context.After.Count > 0, "the handbook's knowledge.md has more than one chunk");
        Assert.Equal(400, tooFar.Status);
        Assert.Contains("Before", tooFar.Errors.Keys);
    }

    [Fact]
    public async Task Upload_limits_say_the_largest_file_the_files_per_upload_and_the_types_read()
    {
        var limits = await _api.GetUploadLimitsAsync(Cancel);

        Assert.Equal(20 * 1024 * 1024, limits.MaxFileBytes);
        Assert.Equal(20, limits.MaxFilesPerUpload);
        Assert.Contains(".md", limits.Extensions);
        Assert.Contains(".pdf", limits.Extensions);
        Assert.Contains(".docx", limits.Extensions);
    }
}

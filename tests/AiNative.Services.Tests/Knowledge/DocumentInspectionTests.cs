using AiNative.Services.Knowledge;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Testing;

namespace AiNative.Services.Tests.Knowledge;

/// <summary>Documents people can inspect: a page of them found on the server, their chunks, their text, and a partitioning preview.</summary>
public sealed class DocumentInspectionTests : IAsyncLifetime
{
    private ServicesHost _host = null!;
    private TeamScope _scope = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _scope = _host.InTeam(await _host.DemoTeamIdAsync());
        await _scope.CreateBaseAsync("Library");
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_page_of_documents_is_found_by_name_tag_value_or_id_filtered_by_status_and_counted_in_all()
    {
        for (var n = 1; n <= 7; n++)
        {
            await _scope.IngestAsync("Library", Ingestion.Text($"Chapter-{n}.md", $"# Chapter {n}\n\nThe chapter numbered {n} tells part {n} of the story."),
                new() { ["shelf"] = [n % 2 == 0 ? "even-shelf" : "odd-shelf"] });
        }

        var broken = await _scope.IngestAsync("Library", Ingestion.Text("broken.csv", "a,b\n1,\"2\"x\n"));
        var documents = _scope.Get<KnowledgeDocuments>();

        var first = await documents.QueryAsync("Library", new DocumentQuery { Search = "chapter", Sort = DocumentSort.Name, Descending = false, PageSize = 3 }, Cancel);
        var third = await documents.QueryAsync("Library", new DocumentQuery { Search = "chapter", Sort = DocumentSort.Name, Descending = false, PageSize = 3, Page = 3 }, Cancel);
        var byTag = await documents.QueryAsync("Library", new DocumentQuery { Search = "EVEN-shelf" }, Cancel);
        var byId = await documents.QueryAsync("Library", new DocumentQuery { Search = broken.Id.ToString() }, Cancel);
        var failed = await documents.QueryAsync("Library", new DocumentQuery { Status = DocumentStatus.Failed }, Cancel);
        var newest = await documents.QueryAsync("Library", new DocumentQuery { PageSize = 1 }, Cancel);

        Assert.Equal((7, 1, 3), (first.Total, first.Page, first.PageSize));
        Assert.Equal(["Chapter-1.md", "Chapter-2.md", "Chapter-3.md"], first.Items.Select(d => d.FileName));
        Assert.Equal(["Chapter-7.md"], third.Items.Select(d => d.FileName));
        Assert.Equal(["Chapter-2.md", "Chapter-4.md", "Chapter-6.md"], byTag.Items.Select(d => d.FileName).Order());
        Assert.Equal(["broken.csv"], byId.Items.Select(d => d.FileName));
        Assert.Equal(["broken.csv"], failed.Items.Select(d => d.FileName));
        Assert.Equal((8, "broken.csv"), (newest.Total, Assert.Single(newest.Items).FileName));
    }

    [Fact]
    public async Task A_page_size_beyond_the_limit_is_refused_naming_the_field()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            _scope.Get<KnowledgeDocuments>().QueryAsync("Library", new DocumentQuery { PageSize = 1_000, Page = 0 }, Cancel));

        Assert.Contains("PageSize", error.Errors.Keys);
        Assert.Contains("Page", error.Errors.Keys);
    }

    [Fact]
    public async Task A_pdfs_chunks_come_in_order_with_their_pages_and_its_text_with_its_page_count()
    {
        var pdf = TestDocuments.Pdf(
            ["Installing the portal takes one command on every machine."],
            ["Upgrading keeps the data folder and migrates the database."],
            ["Removing the portal leaves the data folder in place."]);
        var document = await _scope.IngestAsync("Library", Ingestion.Bytes("guide.pdf", pdf));
        var inspection = _scope.Get<DocumentInspection>();

        var chunks = await inspection.ChunksAsync("Library", document.Id, 1, 2, Cancel);
        var rest = await inspection.ChunksAsync("Library", document.Id, 2, 2, Cancel);
        var text = await inspection.TextAsync("Library", document.Id, 1, 50, Cancel);

        Assert.Equal((DocumentStatus.Ready, 3), (document.Status, document.PageCount));
        Assert.Equal(3, chunks.Total);
        Assert.Equal([(0, 1), (1, 2)], chunks.Items.Select(c => (c.Ordinal, c.Page!.Value)));
        Assert.Equal([(2, 3)], rest.Items.Select(c => (c.Ordinal, c.Page!.Value)));
        Assert.All(chunks.Items, c => Assert.Equal(document.Id, c.DocumentId));
        Assert.Equal((3, 3), (text.Sections.Total, text.Pages));
        Assert.Equal([1, 2, 3], text.Sections.Items.Select(s => s.Page!.Value));
        Assert.Contains("migrates the database", text.Sections.Items[1].Paragraphs[0]);
    }

    [Fact]
    public async Task A_markdown_documents_chunks_keep_their_headings_and_a_failed_one_says_why_it_has_no_text()
    {
        var guide = await _scope.IngestAsync("Library", Ingestion.Text("setup.md", "# Setup\n\n## Linux\n\nRun the script.\n\n## Windows\n\nRun the installer."));
        var broken = await _scope.IngestAsync("Library", Ingestion.Text("broken.csv", "a,b\n1,\"2\"x\n"));
        var inspection = _scope.Get<DocumentInspection>();

        var chunks = await inspection.ChunksAsync("Library", guide.Id, 1, 50, Cancel);
        var missing = await Assert.ThrowsAsync<ConflictException>(() => inspection.TextAsync("Library", broken.Id, 1, 50, Cancel));

        Assert.Equal(["Setup › Linux", "Setup › Windows"], chunks.Items.Select(c => c.Heading));
        Assert.Null(guide.PageCount);
        Assert.StartsWith("'broken.csv' has no extracted text: ", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partitioning_preview_cuts_a_document_with_the_new_settings_and_changes_nothing()
    {
        var text = string.Join("\n\n", Enumerable.Range(1, 40).Select(n => $"Paragraph {n} explains step {n} of the long procedure in a few plain words."));
        var document = await _scope.IngestAsync("Library", Ingestion.Text("procedure.md", $"# Procedure\n\n{text}"));
        var proposed = new PartitioningSettings { MaxTokensPerChunk = 60, OverlapTokens = 0 };

        var preview = await _scope.Get<DocumentInspection>().PreviewAsync((await _scope.Get<KnowledgeBases>().FindAsync("Library", Cancel)).Id, proposed, null, 5, Cancel);
        var after = await _scope.Get<KnowledgeDocuments>().GetAsync("Library", document.Id, Cancel);

        Assert.Equal((document.Id, "procedure.md"), (preview.DocumentId, preview.FileName));
        Assert.Equal((document.ChunkCount, document.TokenCount), (preview.CurrentChunks, preview.CurrentTokens));
        Assert.True(preview.Chunks > preview.CurrentChunks, $"{preview.Chunks} chunks of at most 60 tokens, against {preview.CurrentChunks} of 300");
        Assert.Equal(5, preview.FirstChunks.Count);
        Assert.All(preview.FirstChunks, c => Assert.True(c.Tokens <= 60));
        Assert.Equal(proposed, preview.Proposed);
        Assert.Equal(document.ChunkCount, after.ChunkCount);
        Assert.Equal(new PartitioningSettings(), (await _scope.Get<KnowledgeBases>().FindAsync("Library", Cancel)).Partitioning);
    }

    [Fact]
    public async Task A_preview_with_invalid_settings_an_empty_base_or_a_viewer_is_refused()
    {
        var baseId = (await _scope.Get<KnowledgeBases>().FindAsync("Library", Cancel)).Id;
        var inspection = _scope.Get<DocumentInspection>();
        await using var viewer = _host.InTeam(await _host.DemoTeamIdAsync(), TeamRole.Viewer);

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            inspection.PreviewAsync(baseId, new PartitioningSettings { MaxTokensPerChunk = 10 }, null, 5, Cancel));
        var empty = await Assert.ThrowsAsync<ConflictException>(() => inspection.PreviewAsync(baseId, new PartitioningSettings(), null, 5, Cancel));
        await Assert.ThrowsAsync<ForbiddenException>(() => viewer.Get<DocumentInspection>().PreviewAsync(baseId, new PartitioningSettings(), null, 5, Cancel));

        Assert.Contains("Partitioning.MaxTokensPerChunk", invalid.Errors.Keys);
        Assert.Equal("'Library' has no ready document to preview the partitioning with. Upload one first.", empty.Message);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Portal.Client.Contracts.Models;
using AiNative.Services.Models.Offline;
using AiNative.Services.Teams;
using AiNative.Testing;

namespace AiNative.Portal.Tests.Knowledge;

public sealed class KnowledgeApiTests : IAsyncLifetime
{
    private const string Handbook = "Portal handbook";
    private readonly PortalFactory _portal = new();
    private Guid _team;
    private HttpClient _client = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _portal.CreateAdministratorAsync();
        _team = await _portal.DemoTeamIdAsync();
        _client = await _portal.SignInAsync();
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        _portal.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Upload_of_several_files_with_one_bad_one_accepts_the_others_and_they_become_searchable()
    {
        var created = await PostJsonAsync<KnowledgeBaseDto>("knowledge/indexes", new SaveKnowledgeBaseRequest("Support"));
        using var form = Form("Support", ("refunds.md", "# Refunds\n\nRefunds are paid within 14 days of the return."u8.ToArray()),
            ("fake.pdf", "this is not a pdf"u8.ToArray()),
            ("shipping.txt", "Parcels ship from Rotterdam every weekday."u8.ToArray()));
        form.Add(new StringContent("team=support"), "tags");

        using var response = await _client.PostAsync(Path("knowledge/upload"), form, Cancel);
        var result = await response.Content.ReadFromJsonAsync<UploadResultDto>(PortalJson.Options, Cancel);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(created.Id, result!.IndexId);
        Assert.Equal([UploadStatusDto.Accepted, UploadStatusDto.Rejected, UploadStatusDto.Accepted], result.Files.Select(f => f.Status));
        Assert.Contains("named .pdf but its content is plain text", result.Files[1].Message);
        var refunds = await WaitReadyAsync("Support", result.Files[0].DocumentId!.Value);
        await WaitReadyAsync("Support", result.Files[2].DocumentId!.Value);
        Assert.Equal(["support"], refunds.Tags["team"]);
        Assert.True(refunds.ChunkCount > 0);

        var search = await PostJsonAsync<SearchResultDto>("knowledge/search", new SearchRequestDto("Support", "when are refunds paid", Tags: new Dictionary<string, List<string>> { ["team"] = ["support"] }));
        Assert.Equal("refunds.md", search.Results[0].SourceName);
        Assert.Equal("Refunds", search.Results[0].Heading);
        Assert.NotNull(search.Results[0].VectorScore);
        Assert.NotNull(search.Results[0].KeywordScore);
        Assert.NotNull(search.Results[0].FusedScore);
        Assert.Contains("refunds", search.Results[0].MatchedTerms);
    }

    [Fact]
    public async Task Status_search_ask_and_delete_work_on_the_seeded_handbook()
    {
        var documents = await _client.GetFromJsonAsync<List<DocumentDto>>(Path($"knowledge/documents?index={Uri.EscapeDataString(Handbook)}"), PortalJson.Options, Cancel);
        var knowledge = documents!.Single(d => d.FileName == "knowledge.md");
        var status = await WaitReadyAsync(Handbook, knowledge.DocumentId);

        var answer = await PostJsonAsync<AnswerDto>("knowledge/ask", new AskRequestDto(Handbook, "What steps does each document pass during ingestion?"));
        var nothing = await PostJsonAsync<AnswerDto>("knowledge/ask", new AskRequestDto(Handbook, "zebra giraffe savanna migration"));
        var cited = answer.RelevantSources.First(s => s.Cited);
        var chunk = await _client.GetFromJsonAsync<ChunkDto>(Path($"knowledge/chunks/{cited.ChunkId}"), PortalJson.Options, Cancel);
        using var deleted = await _client.DeleteAsync(Path($"knowledge/documents?index={Uri.EscapeDataString(Handbook)}&documentId={knowledge.DocumentId}"), Cancel);
        using var gone = await _client.GetAsync(Path($"knowledge/upload-status?index={Uri.EscapeDataString(Handbook)}&documentId={knowledge.DocumentId}"), Cancel);

        Assert.True(status.Completed);
        Assert.Equal(["extract", "partition", "embed", "save"], status.CompletedSteps);
        Assert.False(answer.NoResult);
        Assert.Contains("extract, partition, embed and save", answer.Text);
        Assert.Equal(cited.Text, chunk!.Text);
        Assert.True(nothing.NoResult);
        Assert.Empty(nothing.RelevantSources);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Another_teams_base_answers_404()
    {
        var elsewhere = await _portal.CreateTeamAsync("Elsewhere");
        var demoBase = (await _client.GetFromJsonAsync<List<KnowledgeBaseDto>>(Path("knowledge/indexes"), PortalJson.Options, Cancel))!.Single();

        using var otherTeam = await _client.GetAsync($"/api/teams/{elsewhere}/knowledge/indexes/{demoBase.Id}", Cancel);
        await _portal.CreateUserAsync("olga@example.com", "Olga Other", (elsewhere, TeamRole.Owner));
        using var olga = await _portal.SignInAsync("olga@example.com");
        using var crossTeam = await olga.GetAsync($"/api/teams/{elsewhere}/knowledge/indexes/{demoBase.Id}", Cancel);
        using var search = await olga.PostAsJsonAsync($"/api/teams/{elsewhere}/knowledge/search", new SearchRequestDto(demoBase.Id.ToString(), "models"), PortalJson.Options, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, otherTeam.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, crossTeam.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, search.StatusCode);
    }

    [Fact]
    public async Task A_viewer_can_search_but_not_upload()
    {
        await _portal.CreateUserAsync("vera@example.com", "Vera Viewer", (_team, TeamRole.Viewer));
        using var vera = await _portal.SignInAsync("vera@example.com");
        using var form = Form(Handbook, ("notes.md", "# Notes\n\nA viewer wrote this."u8.ToArray()));

        using var upload = await vera.PostAsync(Path("knowledge/upload"), form, Cancel);
        using var search = await vera.PostAsJsonAsync(Path("knowledge/search"), new SearchRequestDto(Handbook, "models"), PortalJson.Options, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
    }

    [Fact]
    public async Task Watching_a_base_that_does_not_exist_answers_404()
    {
        using var response = await _client.GetAsync(Path("knowledge/documents/events?index=nowhere"), HttpCompletionOption.ResponseHeadersRead, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_search_with_an_empty_query_is_a_validation_problem()
    {
        using var response = await _client.PostAsJsonAsync(Path("knowledge/search"), new SearchRequestDto(Handbook, "  "), PortalJson.Options, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the search text is empty", body);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_knowledge_endpoints()
    {
        var document = await _client.GetStringAsync("/openapi/v1.json", Cancel);
        using var json = System.Text.Json.JsonDocument.Parse(document);
        var upload = json.RootElement.GetProperty("paths").EnumerateObject().Single(p => p.Name.EndsWith("/knowledge/upload", StringComparison.Ordinal));
        var fields = upload.Value.GetProperty("post").GetProperty("requestBody").GetProperty("content")
            .GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties");

        Assert.Equal(["documentId", "files", "index", "tags"], fields.EnumerateObject().Select(f => f.Name).Order());
        Assert.Contains("/knowledge/upload-status", document);
        Assert.Contains("/knowledge/ask", document);
        Assert.Contains("SearchHitDto", document);
    }

    [Fact]
    public async Task Kernel_memory_filters_need_every_tag_of_one_filter_and_any_filter_will_do_in_search_and_ask()
    {
        await PostJsonAsync<KnowledgeBaseDto>("knowledge/indexes", new SaveKnowledgeBaseRequest("Filtered"));
        var english = await UploadReadyAsync("Filtered", "support-en.md", "# Warranty\n\nThe warranty covers two years of repairs.", "team=support", "lang=en");
        var german = await UploadReadyAsync("Filtered", "support-de.md", "# Warranty\n\nThe warranty covers repairs in Germany for three years.", "team=support", "lang=de");
        var sales = await UploadReadyAsync("Filtered", "sales-en.md", "# Warranty\n\nSales can extend the warranty to five years.", "team=sales", "lang=en");
        var supportInEnglishOrSales = new List<Dictionary<string, List<string>>>
        {
            new() { ["team"] = ["support"], ["lang"] = ["en"] },
            new() { ["team"] = ["sales"] },
        };

        var search = await PostJsonAsync<SearchResultDto>("knowledge/search",
            new SearchRequestDto("Filtered", "warranty", SearchModeDto.Keyword, Limit: 10, Filters: supportInEnglishOrSales));
        var answer = await PostJsonAsync<AnswerDto>("knowledge/ask",
            new AskRequestDto("Filtered", "How long does the warranty cover repairs?", MinRelevance: 0, Mode: SearchModeDto.Keyword, Filters: [new() { ["lang"] = ["de"] }]));

        Assert.Equal(new[] { english, sales }.Order(), search.Results.Select(r => r.DocumentId).Distinct().Order());
        Assert.Equal([german], answer.RelevantSources.Select(s => s.DocumentId).Distinct());
    }

    [Fact]
    public async Task A_search_or_question_with_a_field_the_api_does_not_know_answers_400_naming_it()
    {
        using var search = await _client.PostAsync(Path("knowledge/search"), Json($$"""{"index": "{{Handbook}}", "query": "models", "filter": {"team": ["support"]} }"""), Cancel);
        using var ask = await _client.PostAsync(Path("knowledge/ask"), Json($$"""{"index": "{{Handbook}}", "question": "What are models?", "tagz": {} }"""), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, search.StatusCode);
        Assert.Equal(["'filter' is not a field of this request. Remove it, or check its spelling against the API reference."], (await ProblemAsync(search)).Errors!["filter"]);
        Assert.Equal(HttpStatusCode.BadRequest, ask.StatusCode);
        Assert.Contains("tagz", (await ProblemAsync(ask)).Errors!.Keys);
    }

    [Fact]
    public async Task Kernel_Memorys_empty_args_are_accepted_and_handler_arguments_are_refused_naming_them()
    {
        using var empty = await _client.PostAsync(Path("knowledge/search"), Json($$"""{"index": "{{Handbook}}", "query": "models", "args": {} }"""), Cancel);
        using var handler = await _client.PostAsync(Path("knowledge/ask"), Json($$"""{"index": "{{Handbook}}", "question": "What are models?", "args": {"custom_prompt": "x"} }"""), Cancel);

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, handler.StatusCode);
        Assert.Contains("'custom_prompt'", (await ProblemAsync(handler)).Errors!["args"].Single());
    }

    [Fact]
    public async Task An_invalid_mode_answers_400_naming_the_field_and_the_modes_there_are()
    {
        using var response = await _client.PostAsync(Path("knowledge/search"), Json($$"""{"index": "{{Handbook}}", "query": "models", "mode": "fuzzy"}"""), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["'mode' has a value the API does not know. Use one of: hybrid, vector, keyword."], (await ProblemAsync(response)).Errors!["mode"]);
    }

    [Fact]
    public async Task An_upload_with_the_id_of_an_existing_document_replaces_it_with_the_new_file_and_tags()
    {
        await PostJsonAsync<KnowledgeBaseDto>("knowledge/indexes", new SaveKnowledgeBaseRequest("Replaced"));
        var id = Guid.CreateVersion7();
        await UploadReadyAsync("Replaced", "policy-v1.md", "# Policy\n\nVisitors sign in at the gatehouse.", ["version=1"], id);

        using var form = Form("Replaced", ("policy-v2.md", "# Policy\n\nVisitors register at the reception desk."u8.ToArray()));
        form.Add(new StringContent(id.ToString()), "documentId");
        form.Add(new StringContent("version=2"), "tags");
        using var response = await _client.PostAsync(Path("knowledge/upload"), form, Cancel);
        var outcome = (await response.Content.ReadFromJsonAsync<UploadResultDto>(PortalJson.Options, Cancel))!.Files.Single();
        var replaced = await WaitReadyAsync("Replaced", id);
        var documents = await _client.GetFromJsonAsync<List<DocumentDto>>(Path("knowledge/documents?index=Replaced"), PortalJson.Options, Cancel);
        var search = await PostJsonAsync<SearchResultDto>("knowledge/search", new SearchRequestDto("Replaced", "visitors", SearchModeDto.Keyword));

        Assert.Equal((UploadStatusDto.Accepted, id), (outcome.Status, outcome.DocumentId));
        Assert.Contains("Replaced document", outcome.Message);
        Assert.Equal("policy-v2.md", replaced.FileName);
        Assert.Equal(["2"], replaced.Tags["version"]);
        Assert.Single(documents!);
        Assert.Contains("reception desk", Assert.Single(search.Results).Text);
    }

    [Fact]
    public async Task A_duplicate_upload_with_other_tags_says_that_its_tags_were_not_applied()
    {
        await PostJsonAsync<KnowledgeBaseDto>("knowledge/indexes", new SaveKnowledgeBaseRequest("Twice"));
        var original = await UploadReadyAsync("Twice", "faq.md", "# FAQ\n\nOrders ship within two days.", "team=support");

        using var form = Form("Twice", ("faq-copy.md", "# FAQ\n\nOrders ship within two days."u8.ToArray()));
        form.Add(new StringContent("team=sales"), "tags");
        using var response = await _client.PostAsync(Path("knowledge/upload"), form, Cancel);
        var outcome = (await response.Content.ReadFromJsonAsync<UploadResultDto>(PortalJson.Options, Cancel))!.Files.Single();

        Assert.Equal((UploadStatusDto.Duplicate, original), (outcome.Status, outcome.DocumentId));
        Assert.Contains("The tags sent with it were not applied: the document keeps its tags (team=support).", outcome.Message);
    }

    [Fact]
    public async Task A_document_id_another_team_uses_is_a_document_of_its_own_and_neither_team_learns_about_the_other()
    {
        var id = Guid.CreateVersion7();
        await PostJsonAsync<KnowledgeBaseDto>("knowledge/indexes", new SaveKnowledgeBaseRequest("Visitors"));
        await UploadReadyAsync("Visitors", "ours.md", "# Visitors\n\nOur visitors sign in at the gatehouse.", [], id);
        var theirs = await _portal.CreateTeamAsync("Theirs");
        await _portal.CreateUserAsync("olga@example.com", "Olga Other", (theirs, TeamRole.Owner));
        using var olga = await _portal.SignInAsync("olga@example.com");
        var them = new Caller(olga, theirs);
        await GiveOfflineEmbeddingsAsync(them);
        await PostJsonAsync<KnowledgeBaseDto>(them, "knowledge/indexes", new SaveKnowledgeBaseRequest("Visitors"));

        var outcome = await UploadAsync(them, "Visitors", "theirs.md", "# Visitors\n\nTheir visitors register at the reception desk.", id);
        var theirDocument = await WaitReadyAsync(them, "Visitors", id);
        var theirSearch = await PostJsonAsync<SearchResultDto>(them, "knowledge/search", new SearchRequestDto("Visitors", "visitors", SearchModeDto.Keyword));
        var ourSearch = await PostJsonAsync<SearchResultDto>("knowledge/search", new SearchRequestDto("Visitors", "visitors", SearchModeDto.Keyword));
        using var theirDelete = await olga.DeleteAsync(Path(them, $"knowledge/documents?index=Visitors&documentId={id}"), Cancel);
        var ourDocument = await WaitReadyAsync("Visitors", id);

        Assert.Equal((UploadStatusDto.Accepted, id, null), (outcome.Status, outcome.DocumentId, outcome.Message));
        Assert.Equal("theirs.md", theirDocument.FileName);
        Assert.Equal(id, Assert.Single(theirSearch.Results).DocumentId);
        Assert.Contains("reception desk", theirSearch.Results[0].Text);
        Assert.Equal(id, Assert.Single(ourSearch.Results).DocumentId);
        Assert.Contains("gatehouse", ourSearch.Results[0].Text);
        Assert.Equal(HttpStatusCode.NoContent, theirDelete.StatusCode);
        Assert.Equal("ours.md", ourDocument.FileName);
    }

    [Fact]
    public async Task A_document_id_names_a_document_of_one_base_so_another_base_of_the_team_may_use_it_too()
    {
        var id = Guid.CreateVersion7();
        await PostJsonAsync<KnowledgeBaseDto>("knowledge/indexes", new SaveKnowledgeBaseRequest("First"));
        await PostJsonAsync<KnowledgeBaseDto>("knowledge/indexes", new SaveKnowledgeBaseRequest("Second"));
        await UploadReadyAsync("First", "first.md", "# First\n\nThe first base keeps this.", [], id);

        var second = await UploadAsync(new Caller(_client, _team), "Second", "second.md", "# Second\n\nThe second base keeps that.", id);
        var secondDocument = await WaitReadyAsync("Second", id);
        var firstDocument = await WaitReadyAsync("First", id);

        Assert.Equal((UploadStatusDto.Accepted, id), (second.Status, second.DocumentId));
        Assert.Equal(("first.md", "second.md"), (firstDocument.FileName, secondDocument.FileName));
    }

    [Fact]
    public async Task A_pdfs_page_count_chunks_and_text_can_be_inspected_and_a_new_partitioning_previewed_over_http()
    {
        var created = await PostJsonAsync<KnowledgeBaseDto>("knowledge/indexes", new SaveKnowledgeBaseRequest("Manuals"));
        var pdf = TestDocuments.Pdf([.. Enumerable.Range(1, 4).Select(n => new[]
        {
            $"Chapter 4: Function reference {17 + n}",
            $"Function {Names[n]} compresses a buffer of {Names[n]} blocks and returns how many bytes it wrote.",
            $"Page {n}",
        })]);
        using var form = Form("Manuals", ("zlib.pdf", pdf));
        using var upload = await _client.PostAsync(Path("knowledge/upload"), form, Cancel);
        var id = (await upload.Content.ReadFromJsonAsync<UploadResultDto>(PortalJson.Options, Cancel))!.Files.Single().DocumentId!.Value;
        await WaitReadyAsync("Manuals", id);

        var page = await _client.GetFromJsonAsync<DocumentPageDto>(Path("knowledge/documents/page?index=Manuals&search=ZLIB&pageSize=10"), PortalJson.Options, Cancel);
        var none = await _client.GetFromJsonAsync<DocumentPageDto>(Path("knowledge/documents/page?index=Manuals&status=Failed"), PortalJson.Options, Cancel);
        var chunks = await _client.GetFromJsonAsync<ChunkPageDto>(Path($"knowledge/documents/chunks?index=Manuals&documentId={id}"), PortalJson.Options, Cancel);
        var text = await _client.GetFromJsonAsync<ExtractedTextDto>(Path($"knowledge/documents/text?index=Manuals&documentId={id}&pageSize=2"), PortalJson.Options, Cancel);
        var preview = await PostJsonAsync<PartitioningPreviewDto>($"knowledge/indexes/{created.Id}/partitioning-preview",
            new PartitioningPreviewRequest(new PartitioningDto(50, 0, SplitterDto.PlainText), id, Take: 2));
        using var tooLarge = await _client.GetAsync(Path("knowledge/documents/page?index=Manuals&pageSize=5000"), Cancel);

        var document = Assert.Single(page!.Items);
        Assert.Equal((1, id, 4), (page.Total, document.DocumentId, document.PageCount));
        Assert.Equal(0, none!.Total);
        Assert.Equal([1, 2, 3, 4], chunks!.Items.Select(c => c.Page!.Value));
        Assert.All(chunks.Items, c => Assert.DoesNotContain("Chapter 4", c.Text, StringComparison.Ordinal));
        Assert.All(chunks.Items, c => Assert.DoesNotContain("Page", c.Text, StringComparison.Ordinal));
        Assert.Equal((4, 2, 4), (text!.TotalSections, text.Sections.Count, text.Pages));
        Assert.Contains("Function beta compresses", text.Sections[1].Paragraphs[0]);
        Assert.Equal((id, 4, 2), (preview.DocumentId, preview.CurrentChunks, preview.FirstChunks.Count));
        Assert.Equal(new PartitioningDto(50, 0, SplitterDto.PlainText), preview.Proposed);
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Contains("PageSize", (await ProblemAsync(tooLarge)).Errors!.Keys);
    }

    private static readonly string[] Names = ["", "alpha", "beta", "gamma", "delta"];

    private Task<Guid> UploadReadyAsync(string index, string name, string text, params string[] tags) => UploadReadyAsync(index, name, text, tags, null);

    private async Task<Guid> UploadReadyAsync(string index, string name, string text, string[] tags, Guid? documentId)
    {
        var uploaded = await UploadAsync(new Caller(_client, _team), index, name, text, documentId, tags);
        Assert.True(uploaded.Status == UploadStatusDto.Accepted, uploaded.Message);
        return (await WaitReadyAsync(index, uploaded.DocumentId!.Value)).DocumentId;
    }

    private static async Task<UploadedFileDto> UploadAsync(Caller caller, string index, string name, string text, Guid? documentId, params string[] tags)
    {
        using var form = Form(index, (name, System.Text.Encoding.UTF8.GetBytes(text)));
        foreach (var tag in tags)
        {
            form.Add(new StringContent(tag), "tags");
        }

        if (documentId is { } id)
        {
            form.Add(new StringContent(id.ToString()), "documentId");
        }

        using var response = await caller.Client.PostAsync(Path(caller, "knowledge/upload"), form, Cancel);
        return (await response.Content.ReadFromJsonAsync<UploadResultDto>(PortalJson.Options, Cancel))!.Files.Single();
    }

    /// <summary>A team other than the demo one starts without models: it registers the offline provider's embedding model.</summary>
    private static async Task GiveOfflineEmbeddingsAsync(Caller caller)
    {
        var provider = await PostJsonAsync<ProviderDto>(caller, "providers", new SaveProviderRequest { Name = "Offline", Kind = ProviderKindDto.Offline });
        await PostJsonAsync<ModelDto>(caller, "models", new SaveModelRequest
        {
            ProviderId = provider.Id,
            Name = OfflineModels.EmbeddingModelId,
            ProviderModelId = OfflineModels.EmbeddingModelId,
            Kind = ModelKindDto.Embedding,
            ContextWindow = OfflineModels.ContextWindow,
        });
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private static async Task<ApiProblem> ProblemAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<ApiProblem>(PortalJson.Options, Cancel))!;

    private string Path(string relative) => Path(new Caller(_client, _team), relative);

    private static string Path(Caller caller, string relative) => $"/api/teams/{caller.Team}/{relative}";

    private static MultipartFormDataContent Form(string index, params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(index), "index" } };
        foreach (var (name, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "files", name);
        }

        return form;
    }

    private Task<T> PostJsonAsync<T>(string relative, object body) => PostJsonAsync<T>(new Caller(_client, _team), relative, body);

    private static async Task<T> PostJsonAsync<T>(Caller caller, string relative, object body)
    {
        using var response = await caller.Client.PostAsJsonAsync(Path(caller, relative), body, PortalJson.Options, Cancel);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<T>(PortalJson.Options, Cancel))!;
    }

    private Task<DocumentDto> WaitReadyAsync(string index, Guid documentId) => WaitReadyAsync(new Caller(_client, _team), index, documentId);

    private static async Task<DocumentDto> WaitReadyAsync(Caller caller, string index, Guid documentId)
    {
        var status = await Poll.UntilAsync(
            async () => (await caller.Client.GetFromJsonAsync<DocumentDto>(
                Path(caller, $"knowledge/upload-status?index={Uri.EscapeDataString(index)}&documentId={documentId}"), PortalJson.Options, Cancel))!,
            document => document.Completed || document.Failed);
        Assert.True(status.Completed, $"{status.FileName}: {status.Status} {status.Error}");
        return status;
    }

    /// <summary>A signed-in client and the team its calls are for.</summary>
    private sealed record Caller(HttpClient Client, Guid Team);
}

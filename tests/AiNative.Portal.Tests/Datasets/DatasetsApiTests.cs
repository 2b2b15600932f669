using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiNative.Portal.Client.Contracts;
using AiNative.Portal.Client.Contracts.Datasets;
using AiNative.Portal.Tests.Prompts;
using AiNative.Services.Datasets;
using AiNative.Services.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Portal.Tests.Datasets;

public sealed class DatasetsApiTests(PromptsPortal portal) : IClassFixture<PromptsPortal>
{
    private const string Csv = "question,expected_output\nHow do I reset my key?,Open Settings\nWhat is a label?,A pointer\nbroken,row,with,extra\n";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_dataset_is_created_filled_by_import_paged_edited_and_exported_in_any_version()
    {
        var dataset = await CreateAsync("Support regression");

        var preview = await PostFileAsync<ImportPreviewDto>(dataset.Id, "import/preview", "questions.csv", Csv, new ImportOptionsDto());
        var imported = await PostFileAsync<ImportResultDto>(dataset.Id, "import", "questions.csv", Csv, new ImportOptionsDto(BadRows: BadRowHandlingDto.SkipBadRows));
        var page = await portal.Admin.GetFromJsonAsync<DatasetItemPageDto>(Path(dataset.Id, "/items?page=1&pageSize=1"), PortalJson.Options, Cancel);
        var edited = await portal.Admin.PutAsJsonAsync(Path(dataset.Id, $"/items/{page!.Items[0].Id}"),
            new SaveDatasetItemRequest(new JsonObject { ["question"] = "How do I rotate my key?" }, "Open Settings › Keys"), PortalJson.Options, Cancel);
        var latest = await portal.Admin.GetStringAsync(Path(dataset.Id, "/export?format=jsonl"), Cancel);
        using var first = await portal.Admin.GetAsync(Path(dataset.Id, "/export?format=csv&version=1"), Cancel);

        Assert.Equal((3, 2, 1), (preview.TotalRows, preview.GoodRows, preview.BadRowCount));
        Assert.Equal(4, preview.BadRows[0].Line);
        Assert.Equal((1, 2, 1), (imported.Version.Number, imported.Added, imported.SkippedCount));
        Assert.Equal((2, 1), (page.Total, page.Items.Count));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(2, (await ReadAsync<DatasetItemDto>(edited)).Version);
        Assert.Contains("\"question\":\"How do I rotate my key?\"", latest);
        Assert.Equal("text/csv; charset=utf-8", first.Content.Headers.ContentType?.ToString());
        Assert.Equal("Support-regression-v1.csv", first.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("How do I reset my key?,Open Settings", await first.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task A_bad_row_answers_400_naming_its_line_and_nothing_is_imported()
    {
        var dataset = await CreateAsync("All or nothing");

        var response = await SendFileAsync(dataset.Id, "import", "questions.csv", Csv, new ImportOptionsDto());
        var empty = await SendFileAsync(dataset.Id, "import", "empty.csv", "", new ImportOptionsDto());
        var notMultipart = await portal.Admin.PostAsJsonAsync(Path(dataset.Id, "/import"), new { }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadAsync<ProblemBody>(response);
        Assert.Equal("Line 4: It has 4 field(s), but the header names 2 column(s). Check its commas and quotes.", problem.Errors!["Rows"][1]);
        Assert.Contains("The file is empty.", (await ReadAsync<ProblemBody>(empty)).Errors!["File"][0]);
        Assert.Equal(HttpStatusCode.BadRequest, notMultipart.StatusCode);
        var details = await portal.Admin.GetFromJsonAsync<DatasetDetailsDto>(Path(dataset.Id), PortalJson.Options, Cancel);
        Assert.Equal((0, 0), (details!.CurrentVersion, details.ItemCount));
    }

    [Fact]
    public async Task A_viewer_reads_and_exports_but_every_change_answers_403()
    {
        var dataset = await CreateAsync("Viewed");
        await PostFileAsync<ImportResultDto>(dataset.Id, "import", "q.csv", "question\nq\n", new ImportOptionsDto());
        await portal.Portal.CreateUserAsync("dataset-viewer@example.com", "Dee Viewer", (portal.DemoTeam, TeamRole.Viewer));
        using var viewer = await portal.Portal.SignInAsync("dataset-viewer@example.com");

        var reads = new[]
        {
            await viewer.GetAsync(Path(), Cancel),
            await viewer.GetAsync(Path(dataset.Id), Cancel),
            await viewer.GetAsync(Path(dataset.Id, "/items"), Cancel),
            await viewer.GetAsync(Path(dataset.Id, "/export?format=json"), Cancel),
        };
        var changes = new[]
        {
            await viewer.PostAsJsonAsync(Path(), new SaveDatasetRequest("Mine"), PortalJson.Options, Cancel),
            await viewer.PostAsJsonAsync(Path(dataset.Id, "/items"), new SaveDatasetItemRequest(new JsonObject { ["q"] = "x" }), PortalJson.Options, Cancel),
            await SendFileAsync(dataset.Id, "import", "q.csv", "question\nq\n", new ImportOptionsDto(), viewer),
            await viewer.DeleteAsync(Path(dataset.Id), Cancel),
        };

        Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(changes, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
    }

    [Fact]
    public async Task Another_teams_dataset_answers_404_for_reading_importing_and_exporting()
    {
        var elsewhere = await portal.Portal.CreateTeamAsync("Dataset elsewhere");
        Guid theirs;
        using (var scope = portal.Portal.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<TeamContext>().Enter(TeamAccess.ForSystem(elsewhere, "Dataset elsewhere"));
            theirs = (await scope.ServiceProvider.GetRequiredService<DatasetRegistry>().CreateAsync("Theirs", null, Cancel)).Id;
        }

        var responses = new[]
        {
            await portal.Admin.GetAsync(Path(theirs), Cancel),
            await portal.Admin.GetAsync(Path(theirs, "/items"), Cancel),
            await portal.Admin.GetAsync(Path(theirs, "/export"), Cancel),
            await SendFileAsync(theirs, "import", "q.csv", "question\nq\n", new ImportOptionsDto()),
            await portal.Admin.GetAsync($"/api/teams/{elsewhere}/datasets", Cancel),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
    }

    private async Task<DatasetDetailsDto> CreateAsync(string name)
    {
        var response = await portal.Admin.PostAsJsonAsync(Path(), new SaveDatasetRequest(name), PortalJson.Options, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadAsync<DatasetDetailsDto>(response);
    }

    private async Task<T> PostFileAsync<T>(Guid datasetId, string action, string fileName, string text, ImportOptionsDto options)
    {
        var response = await SendFileAsync(datasetId, action, fileName, text, options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancel));
        return await ReadAsync<T>(response);
    }

    private async Task<HttpResponseMessage> SendFileAsync(Guid datasetId, string action, string fileName, string text, ImportOptionsDto options, HttpClient? client = null)
    {
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", fileName },
            { new StringContent(JsonSerializer.Serialize(options, PortalJson.Options)), "options" },
        };
        return await (client ?? portal.Admin).PostAsync(Path(datasetId, $"/{action}"), form, Cancel);
    }

    private string Path(Guid? datasetId = null, string relative = "") =>
        $"/api/teams/{portal.DemoTeam}/datasets{(datasetId is { } id ? $"/{id}" : string.Empty)}{relative}";

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<T>(PortalJson.Options, Cancel))!;
}

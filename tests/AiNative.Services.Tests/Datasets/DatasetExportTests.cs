using System.Text;
using System.Text.Json.Nodes;
using AiNative.Services.Datasets;
using AiNative.Services.Datasets.Export;
using AiNative.Services.Datasets.Import;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Testing;

namespace AiNative.Services.Tests.Datasets;

public sealed class DatasetExportTests : IAsyncLifetime
{
    private ServicesHost _host = null!;
    private TeamScope _scope = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _scope = _host.InTeam(await _host.CreateTeamAsync("Export team"), TeamRole.Editor);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Theory]
    [InlineData(ImportFormat.Csv)]
    [InlineData(ImportFormat.JsonLines)]
    [InlineData(ImportFormat.Json)]
    public async Task An_export_imports_back_into_the_same_items(ImportFormat format)
    {
        var source = await _scope.CreateDatasetAsync("Source");
        var items = _scope.Get<DatasetItems>();
        await items.AddAsync(source.Id, new ItemContent
        {
            Variables = new JsonObject { ["question"] = "Quotes \"here\", commas, and\na line break", ["context"] = "Ünïcode – fine" },
            ExpectedOutput = "=SUM(A1) stays text",
            ExpectedSources = ["handbook.md", "faq.md"],
            Metadata = new JsonObject { ["topic"] = "export", ["reviewed"] = "yes" },
        }, Cancel);
        await items.AddAsync(source.Id, new ItemContent { Variables = new JsonObject { ["question"] = "Only a question" } }, Cancel);
        var removed = await items.AddAsync(source.Id, DatasetArrangements.Question("deleted later"), Cancel);
        await items.DeleteAsync(source.Id, [removed.ItemId], Cancel);

        var exported = await ExportAsync(source.Id, null, format);
        var target = await _scope.CreateDatasetAsync("Target");
        var result = await _scope.ImportAsync(target.Id, "exported" + Extension(format), exported);

        Assert.Equal(2, result.Added);
        var before = (await items.ListAsync(source.Id, new DatasetItemQuery(), Cancel)).Items;
        var after = (await items.ListAsync(target.Id, new DatasetItemQuery(), Cancel)).Items;
        Assert.Equal(before.Select(Content), after.Select(Content));
    }

    [Fact]
    public async Task An_older_version_exports_as_it_was_and_formulas_are_escaped_for_spreadsheets()
    {
        var dataset = await _scope.CreateDatasetAsync();
        await _scope.Get<DatasetItems>().AddAsync(dataset.Id, DatasetArrangements.Question("=HYPERLINK(\"x\")"), Cancel);
        await _scope.Get<DatasetItems>().AddAsync(dataset.Id, DatasetArrangements.Question("second"), Cancel);

        var csv = await ExportAsync(dataset.Id, 1, ImportFormat.Csv);
        var file = await _scope.Get<DatasetExporter>().PrepareAsync(dataset.Id, 1, ImportFormat.Csv, Cancel);

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,question,expected_output,expected_sources,metadata", lines[0]);
        Assert.EndsWith(",\"'=HYPERLINK(\"\"x\"\")\",,,", lines[1]);
        Assert.Equal(2, lines.Length);
        Assert.Equal(("Questions-v1.csv", 1), (file.FileName, file.ItemCount));
    }

    [Fact]
    public async Task An_empty_dataset_or_a_version_it_never_had_is_not_exported()
    {
        var dataset = await _scope.CreateDatasetAsync();

        var empty = await Assert.ThrowsAsync<ValidationFailedException>(() => _scope.Get<DatasetExporter>().PrepareAsync(dataset.Id, null, ImportFormat.Csv, Cancel));
        await Assert.ThrowsAsync<NotFoundException>(() => _scope.Get<DatasetExporter>().PrepareAsync(dataset.Id, 7, ImportFormat.Json, Cancel));

        Assert.Contains("has no items yet", empty.Message);
    }

    private async Task<string> ExportAsync(Guid datasetId, int? version, ImportFormat format)
    {
        var exporter = _scope.Get<DatasetExporter>();
        var file = await exporter.PrepareAsync(datasetId, version, format, Cancel);
        using var output = new MemoryStream();
        await exporter.WriteAsync(file, output, Cancel);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static (string, string?, string, string) Content(DatasetItem item) =>
        (item.Input, item.ExpectedOutput, string.Join("|", item.ExpectedSources), item.Metadata);

    private static string Extension(ImportFormat format) => format switch
    {
        ImportFormat.Csv => ".csv",
        ImportFormat.JsonLines => ".jsonl",
        _ => ".json",
    };
}

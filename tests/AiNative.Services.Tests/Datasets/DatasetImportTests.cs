using AiNative.Services.Datasets;
using AiNative.Services.Datasets.Import;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Testing;

namespace AiNative.Services.Tests.Datasets;

public sealed class DatasetImportTests : IAsyncLifetime
{
    private const string CsvWithBadRow =
        "question,expected_output,topic\n" +
        "How do I reset my key?,Open Settings,keys\n" +
        "\"What is a label?\nIn short\",A pointer to a version,labels\n" +
        "Too,many,fields,here\n" +
        "Where are traces kept?,In the database,traces\n";

    private ServicesHost _host = null!;
    private TeamScope _scope = null!;
    private Guid _dataset;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Portal:Datasets:MaxImportBytes"] = "4096",
            ["Portal:Datasets:MaxImportRows"] = "50",
        });
        _scope = _host.InTeam(await _host.CreateTeamAsync("Import team"), TeamRole.Editor);
        _dataset = (await _scope.CreateDatasetAsync()).Id;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_preview_shows_the_columns_first_rows_suggested_mapping_and_the_bad_row_by_its_line()
    {
        var preview = await _scope.PreviewAsync(_dataset, "questions.csv", CsvWithBadRow);

        Assert.Equal(ImportFormat.Csv, preview.Format);
        Assert.Equal(["question", "expected_output", "topic"], preview.Columns.Select(c => c.Name));
        Assert.Equal([ColumnRole.Variable, ColumnRole.ExpectedOutput, ColumnRole.Variable], preview.Mapping.Select(m => m.Role));
        // The second row's question spans two lines, so the bad row starts on line 5.
        Assert.Equal([2, 3, 5, 6], preview.Rows.Select(r => r.Line));
        Assert.Equal("What is a label?\nIn short", preview.Rows[1].Cells["question"]);
        Assert.Equal((4, 3, 1), (preview.TotalRows, preview.GoodRows, preview.BadRowCount));
        var bad = Assert.Single(preview.BadRows);
        Assert.Equal(5, bad.Line);
        Assert.Contains("4 field(s), but the header names 3 column(s)", bad.Reason);
        Assert.Equal(0, (await _scope.Get<DatasetRegistry>().GetAsync(_dataset, Cancel)).CurrentVersion);
    }

    [Fact]
    public async Task A_bad_row_imports_nothing_by_default_and_the_error_names_its_line()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => _scope.ImportAsync(_dataset, "questions.csv", CsvWithBadRow));

        var messages = error.Errors["Rows"];
        Assert.StartsWith("1 of the 4 rows cannot be imported, so nothing was.", messages[0]);
        Assert.StartsWith("Line 5: It has 4 field(s)", messages[1]);
        var dataset = await _scope.Get<DatasetRegistry>().GetAsync(_dataset, Cancel);
        Assert.Equal((0, 0), (dataset.CurrentVersion, dataset.ItemCount));
    }

    [Fact]
    public async Task Skipping_bad_rows_imports_the_rest_in_one_version_and_reports_the_skipped_lines()
    {
        var result = await _scope.ImportAsync(_dataset, "questions.csv", CsvWithBadRow, new ImportOptions { BadRows = BadRowHandling.SkipBadRows });

        Assert.Equal((1, 3, 3), (result.Version.Number, result.Added, result.Version.ItemCount));
        Assert.Equal([5], result.Skipped.Select(s => s.Line));
        Assert.Equal("Imported 3 item(s) from questions.csv; skipped 1 bad row(s)", result.Version.Summary);
        Assert.Equal(["How do I reset my key?", "What is a label?\nIn short", "Where are traces kept?"], await _scope.QuestionsAsync(_dataset));
        var first = (await _scope.Get<DatasetItems>().ListAsync(_dataset, new DatasetItemQuery(), Cancel)).Items[0];
        Assert.Equal("Open Settings", first.ExpectedOutput);
        Assert.Equal("""{"question":"How do I reset my key?","topic":"keys"}""", first.Input);
    }

    [Fact]
    public async Task A_mapping_renames_variables_and_routes_columns_to_expected_output_sources_and_metadata()
    {
        const string csv = "Frage,Antwort,docs,team,notes\nWie?,So.,handbook.md; faq.md,support,ignore me\n";
        var mapping = new List<ColumnMapping>
        {
            new("Frage", ColumnRole.Variable, "question"),
            new("Antwort", ColumnRole.ExpectedOutput),
            new("docs", ColumnRole.ExpectedSources),
            new("team", ColumnRole.Metadata, "owner"),
            new("notes", ColumnRole.Ignore),
        };

        await _scope.ImportAsync(_dataset, "de.csv", csv, new ImportOptions { Mapping = mapping });

        var item = Assert.Single((await _scope.Get<DatasetItems>().ListAsync(_dataset, new DatasetItemQuery(), Cancel)).Items);
        Assert.Equal("""{"question":"Wie?"}""", item.Input);
        Assert.Equal("So.", item.ExpectedOutput);
        Assert.Equal(["handbook.md", "faq.md"], item.ExpectedSources);
        Assert.Equal("""{"owner":"support"}""", item.Metadata);
    }

    [Fact]
    public async Task A_mapping_without_a_variable_or_naming_a_missing_column_is_refused_whole()
    {
        var mapping = new List<ColumnMapping> { new("question", ColumnRole.ExpectedOutput), new("answer", ColumnRole.Variable), new("question", ColumnRole.ExpectedOutput, "again") };

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            _scope.ImportAsync(_dataset, "a.csv", "question\nq\n", new ImportOptions { Mapping = mapping }));

        Assert.Equal(["The file has no column 'answer'.", "Choose at most one column as the expected output."], error.Errors["Mapping"]);
    }

    [Theory]
    [InlineData("empty.csv", "", "The file is empty.")]
    [InlineData("blank.jsonl", "\n\n", "The file is empty.")]
    [InlineData("header.csv", "question,expected_output\n", "The file has no rows after its header.")]
    [InlineData("headless.csv", "How do I reset my key?,,Open Settings\n1,2,3\n", "column 2 of it is empty")]
    [InlineData("twice.csv", "question,Question\na,b\n", "The header names 'question' more than once (columns 1 and 2)")]
    [InlineData("broken.json", "[\n  {\"question\": \"a\"},\n  {\"question\": \"b\",,}\n]", "the error is on line 3")]
    [InlineData("object.json", "[]", "The file holds an empty array.")]
    public async Task A_file_that_cannot_be_read_is_refused_with_what_is_wrong(string name, string text, string expected)
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => _scope.ImportAsync(_dataset, name, text));

        Assert.Contains(expected, Assert.Single(error.Errors["File"]));
    }

    [Fact]
    public async Task A_json_lines_file_names_each_invalid_line_and_the_json_form_reads_the_same_items()
    {
        const string lines = "{\"input\": {\"question\": \"a\"}, \"expected_output\": \"A\"}\n\n{\"question\": broken}\n[1, 2]\n{\"input\": {\"question\": \"b\"}}\n";

        var preview = await _scope.PreviewAsync(_dataset, "items.jsonl", lines);
        var json = await _scope.PreviewAsync(_dataset, "items.json", "[{\"input\": {\"question\": \"a\"}},\n {\"input\": {\"question\": \"b\"}},\n 42]");

        Assert.Equal(ImportFormat.JsonLines, preview.Format);
        Assert.Equal([ColumnRole.Variables, ColumnRole.ExpectedOutput], preview.Mapping.Select(m => m.Role));
        Assert.Equal([3, 4], preview.BadRows.Select(b => b.Line));
        Assert.StartsWith("It is not valid JSON near character", preview.BadRows[0].Reason);
        Assert.Equal("It is an array, not an object like {\"question\": \"…\"}.", preview.BadRows[1].Reason);
        Assert.Equal((ImportFormat.Json, 2, 1), (json.Format, json.GoodRows, json.BadRowCount));
        Assert.Equal(3, json.BadRows[0].Line);
    }

    [Fact]
    public async Task A_file_over_the_size_or_row_limit_is_refused_with_the_limit_named()
    {
        var large = "question\n" + string.Join("\n", Enumerable.Range(0, 1000).Select(i => $"question number {i}"));
        var many = "question\n" + string.Join("\n", Enumerable.Range(0, 51).Select(i => $"q{i}"));

        var size = await Assert.ThrowsAsync<ValidationFailedException>(() => _scope.ImportAsync(_dataset, "large.csv", large));
        var rows = await Assert.ThrowsAsync<ValidationFailedException>(() => _scope.ImportAsync(_dataset, "many.csv", many));

        Assert.Contains("larger than 4 KB, the most one import reads (Portal:Datasets:MaxImportBytes)", size.Errors["File"][0]);
        Assert.Contains("more than 50 rows, the most one import reads (Portal:Datasets:MaxImportRows)", rows.Errors["File"][0]);
    }

    [Fact]
    public async Task Replacing_closes_the_previous_items_which_the_previous_version_keeps()
    {
        await _scope.ImportAsync(_dataset, "first.csv", "question\nold 1\nold 2\n");

        var result = await _scope.ImportAsync(_dataset, "second.csv", "question\nnew\n", new ImportOptions { Mode = ImportMode.Replace });

        Assert.Equal((2, 1, 2), (result.Version.Number, result.Added, result.Removed));
        Assert.Equal(["new"], await _scope.QuestionsAsync(_dataset));
        Assert.Equal(["old 1", "old 2"], await _scope.QuestionsAsync(_dataset, 1));
    }
}

using System.Text;
using System.Text.Json.Nodes;
using AiNative.Services.Datasets;
using AiNative.Services.Datasets.Import;
using AiNative.Testing;

namespace AiNative.Services.Tests.Datasets;

/// <summary>Datasets, items and files as the dataset tests need them.</summary>
internal static class DatasetArrangements
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static Task<Dataset> CreateDatasetAsync(this TeamScope scope, string name = "Questions") =>
        scope.Get<DatasetRegistry>().CreateAsync(name, null, Cancel);

    public static ItemContent Question(string question, string? expected = null) => new()
    {
        Variables = new JsonObject { ["question"] = question },
        ExpectedOutput = expected,
    };

    public static MemoryStream File(string text) => new(Encoding.UTF8.GetBytes(text));

    public static Task<ImportResult> ImportAsync(this TeamScope scope, Guid datasetId, string fileName, string text, ImportOptions? options = null) =>
        scope.Get<DatasetImporter>().ImportAsync(datasetId, fileName, File(text), options ?? new ImportOptions(), Cancel);

    public static Task<ImportPreview> PreviewAsync(this TeamScope scope, Guid datasetId, string fileName, string text, ImportOptions? options = null) =>
        scope.Get<DatasetImporter>().PreviewAsync(datasetId, fileName, File(text), options ?? new ImportOptions(), Cancel);

    /// <summary>The questions of a version's items, in order.</summary>
    public static async Task<List<string?>> QuestionsAsync(this TeamScope scope, Guid datasetId, int? version = null)
    {
        var page = await scope.Get<DatasetItems>().ListAsync(datasetId, new DatasetItemQuery { Version = version, PageSize = DatasetRules.MaxPageSize }, Cancel);
        return [.. page.Items.Select(i => ItemJson.AsText(ItemJson.Read(i.Input)["question"]))];
    }
}

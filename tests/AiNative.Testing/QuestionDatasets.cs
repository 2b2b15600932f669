using System.Text;
using AiNative.Services.Datasets;
using AiNative.Services.Datasets.Import;

namespace AiNative.Testing;

/// <summary>Datasets of questions with their expected answers, imported from a CSV file as a user would.</summary>
public static class QuestionDatasets
{
    /// <summary>Creates dataset <paramref name="name"/> and imports the items as its version 1 (variable <c>question</c>, expected output).</summary>
    public static async Task<Dataset> AddQuestionsAsync(this TeamScope scope, string name, IEnumerable<(string Question, string Expected)> items)
    {
        var dataset = await scope.Get<DatasetRegistry>().CreateAsync(name, null, CancellationToken.None);
        var csv = new StringBuilder("question,expected_output\n");
        foreach (var (question, expected) in items)
        {
            csv.Append(Quoted(question)).Append(',').Append(Quoted(expected)).Append('\n');
        }

        await scope.Get<DatasetImporter>().ImportAsync(
            dataset.Id, "questions.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), new ImportOptions(), CancellationToken.None);
        return dataset;
    }

    private static string Quoted(string field) => $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}

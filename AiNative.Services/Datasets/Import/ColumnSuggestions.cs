using System.Text.Json.Nodes;

namespace AiNative.Services.Datasets.Import;

/// <summary>
/// The role a column's name suggests, so that a file exported by the portal (or written the usual way) imports
/// as it is: <c>input</c> objects, <c>expected_output</c>, <c>expected_sources</c>, <c>metadata</c>; every
/// other column is a variable.
/// </summary>
internal static class ColumnSuggestions
{
    private static readonly HashSet<string> Inputs = ["input", "inputs", "variables"];
    private static readonly HashSet<string> Expected = ["expectedoutput", "expected", "expectedanswer", "reference", "groundtruth"];
    private static readonly HashSet<string> Sources = ["expectedsources", "expecteddocuments", "expectedsourcedocuments"];
    private static readonly HashSet<string> Metadata = ["metadata", "meta"];
    private static readonly HashSet<string> Ids = ["id", "itemid"];

    /// <param name="first">The column's first value in the file, which tells an object of variables from one variable.</param>
    public static ColumnRole Suggest(string column, JsonNode? first)
    {
        var name = new string([.. column.Where(char.IsLetterOrDigit)]).ToLowerInvariant();
        return name switch
        {
            _ when Expected.Contains(name) => ColumnRole.ExpectedOutput,
            _ when Sources.Contains(name) => ColumnRole.ExpectedSources,
            _ when Ids.Contains(name) => ColumnRole.Ignore,
            _ when Inputs.Contains(name) && CellValues.IsObject(first) => ColumnRole.Variables,
            _ when Metadata.Contains(name) => CellValues.IsObject(first) ? ColumnRole.MetadataObject : ColumnRole.Metadata,
            _ => ColumnRole.Variable,
        };
    }

    public static IReadOnlyList<ColumnMapping> Mapping(IEnumerable<ImportColumn> columns) =>
        [.. columns.Select(c => new ColumnMapping(c.Name, c.SuggestedRole))];
}

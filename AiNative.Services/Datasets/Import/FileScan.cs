using System.Text.Json.Nodes;

namespace AiNative.Services.Datasets.Import;

/// <summary>A first reading of a file: its columns in order of appearance (with their first values), its first rows and its row count.</summary>
internal sealed class FileScan
{
    private readonly Dictionary<string, JsonNode?> _firstValues = new(StringComparer.Ordinal);

    public List<string> Columns { get; } = [];

    public List<RawRow> FirstRows { get; } = [];

    public int Total { get; private set; }

    /// <summary>Reads every row once; more rows than <paramref name="maxRows"/> stop it with the limit named.</summary>
    public static FileScan Of(IImportRows rows, int previewRows, int maxRows)
    {
        var scan = new FileScan();
        foreach (var row in rows.Read())
        {
            if (++scan.Total > maxRows)
            {
                throw ImportProblems.File(
                    $"The file has more than {maxRows:N0} rows, the most one import reads (Portal:Datasets:MaxImportRows). Split it and import the parts one after another.");
            }

            if (scan.FirstRows.Count < previewRows)
            {
                scan.FirstRows.Add(row);
            }

            foreach (var (column, value) in row.Cells)
            {
                if (scan._firstValues.TryAdd(column, value))
                {
                    scan.Columns.Add(column);
                }
            }
        }

        return scan;
    }

    public IReadOnlyList<ImportColumn> SuggestedColumns() =>
        [.. Columns.Select(c => new ImportColumn(c, ColumnSuggestions.Suggest(c, _firstValues[c])))];
}

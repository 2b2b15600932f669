using System.Text.Json.Nodes;

namespace AiNative.Services.Datasets.Import;

/// <summary>A row as read from a file: its line, its values by column (absent and empty values left out), or why it cannot be read.</summary>
internal sealed record RawRow(int Line, IReadOnlyList<KeyValuePair<string, JsonNode?>> Cells, string? Problem = null)
{
    public static RawRow Bad(int line, string problem) => new(line, [], problem);
}

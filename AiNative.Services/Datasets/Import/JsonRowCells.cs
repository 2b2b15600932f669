using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiNative.Services.Datasets.Import;

/// <summary>Turns one JSON value of a JSON or JSON Lines file into a row: an object's properties are its cells.</summary>
internal static class JsonRowCells
{
    public static RawRow Of(int line, JsonNode? node) => node switch
    {
        JsonObject item => new RawRow(line, [.. item.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value))]),
        _ => RawRow.Bad(line, $"It is {Describe(node)}, not an object like {{\"question\": \"…\"}}."),
    };

    private static string Describe(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a true/false value",
    };
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiNative.Services.Datasets.Import;

/// <summary>
/// Reads a cell as the role of its column needs it. CSV cells are text, so an object or a list may come as the
/// JSON text of one; JSON files give them as they are.
/// </summary>
internal static class CellValues
{
    public static bool IsObject(JsonNode? value) => AsObject(value) is not null;

    /// <summary>The cell as a JSON object: itself, or the object its text holds; null for anything else.</summary>
    public static JsonObject? AsObject(JsonNode? value) => value switch
    {
        JsonObject item => item,
        JsonValue text when Text(text) is { } json && json.TrimStart().StartsWith('{') => TryParse(json) as JsonObject,
        _ => null,
    };

    /// <summary>The cell as a list of names: a JSON array of strings, or text holding one, or names separated by semicolons.</summary>
    public static List<string>? AsList(JsonNode? value)
    {
        switch (value)
        {
            case JsonArray array:
                return array.All(v => v is JsonValue s && s.GetValueKind() == JsonValueKind.String) ? [.. array.Select(v => v!.GetValue<string>())] : null;
            case JsonValue text when Text(text) is { } names:
                return names.TrimStart().StartsWith('[')
                    ? TryParse(names) is JsonArray parsed ? AsList(parsed) : null
                    : [.. names.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
            default:
                return null;
        }
    }

    /// <summary>The cell as a value of a variable or field: a copy of it, detached from its row.</summary>
    public static JsonNode? AsValue(JsonNode? value) => value?.DeepClone();

    /// <summary>The cell as text: a string as it is, anything else as its JSON.</summary>
    public static string? AsText(JsonNode? value) => ItemJson.AsText(value);

    private static string? Text(JsonValue value) => value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static JsonNode? TryParse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

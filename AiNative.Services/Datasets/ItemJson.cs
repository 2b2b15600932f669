using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiNative.Services.Datasets;

/// <summary>How items keep their JSON objects: compact, with text as it is written (not \u-escaped), so it reads and searches as typed.</summary>
public static class ItemJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(JsonObject value) => value.ToJsonString(Options);

    /// <summary>The stored object; an empty one for anything else.</summary>
    public static JsonObject Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(json) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>A value as a prompt's variable takes it: a string as it is, anything else as its JSON.</summary>
    public static string? AsText(JsonNode? value) => value switch
    {
        null => null,
        JsonValue text when text.GetValueKind() == JsonValueKind.String => text.GetValue<string>(),
        _ => value.ToJsonString(Options),
    };
}

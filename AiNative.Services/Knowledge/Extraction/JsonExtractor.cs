using System.Text.Json;

namespace AiNative.Services.Knowledge.Extraction;

/// <summary>
/// A top-level array becomes one record per item, an object one record per property; nested
/// values are written as dotted paths ("address.city: Oslo").
/// </summary>
internal sealed class JsonExtractor : IDocumentExtractor
{
    private const int MaxDepth = 64;

    public DocumentFormat Format => DocumentFormat.Json;

    public ExtractedDocument Extract(Stream content)
    {
        using var json = Parse(TextDecoding.Decode(content));
        var root = json.RootElement;
        IEnumerable<string> records = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().Select(item => Record(item, null)),
            JsonValueKind.Object => root.EnumerateObject().Select(property => Record(property.Value, property.Name)),
            _ => [Record(root, null)],
        };
        return new ExtractedDocument([new ExtractedSection(null, null, [.. records.Where(r => r.Length > 0)])]);
    }

    public static JsonDocument Parse(string text)
    {
        try
        {
            return JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxDepth, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new DocumentRejectedException($"The file is not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}).", 400, e);
        }
    }

    private static string Record(JsonElement value, string? path)
    {
        var fields = new List<string>();
        Flatten(value, path, fields);
        return string.Join("; ", fields);
    }

    private static void Flatten(JsonElement value, string? path, List<string> fields)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    Flatten(property.Value, path is null ? property.Name : $"{path}.{property.Name}", fields);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Flatten(item, $"{path}[{index++}]", fields);
                }

                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                break;
            default:
                var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
                fields.Add(path is null ? text ?? string.Empty : $"{path}: {text}");
                break;
        }
    }
}

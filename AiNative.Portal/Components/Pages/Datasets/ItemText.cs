using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiNative.Portal.Components.Pages.Datasets;

/// <summary>How the items grid and dialog show an item's values.</summary>
internal static class ItemText
{
    private const int PreviewLength = 160;

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    /// <summary>"name: value · name: value", cut to a line or two.</summary>
    public static string Preview(JsonObject values) =>
        Cut(string.Join(" · ", values.Select(v => $"{v.Key}: {Value(v.Value)}")));

    public static string Cut(string? text) =>
        text is null ? string.Empty : text.Length <= PreviewLength ? text : string.Concat(text.AsSpan(0, PreviewLength - 1), "…");

    /// <summary>A value as text: a string as it is, anything else as its JSON.</summary>
    public static string Value(JsonNode? value) =>
        value is JsonValue text && text.GetValueKind() == JsonValueKind.String ? text.GetValue<string>() : value?.ToJsonString(Compact) ?? "null";

    public static string Json(JsonObject value) => value.ToJsonString(Indented);
}

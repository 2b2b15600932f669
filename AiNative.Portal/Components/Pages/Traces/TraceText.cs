using System.Text.Json;
using AiNative.Portal.Client.Contracts.Runs;

namespace AiNative.Portal.Components.Pages.Traces;

/// <summary>
/// Reads content for showing: a generation's input is a JSON array of <c>{"role", "content"}</c> messages (the OpenAI
/// shape); other JSON (a run's variables and templates, what an application sent) reads better indented.
/// </summary>
public static class TraceText
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    // Relaxed escaping keeps quotes, accents and < > as they were typed; the text is still shown as text, never as HTML.
    private static readonly JsonSerializerOptions IndentedOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The messages in <paramref name="text"/>, or null when it is not such an array (then it is shown as it is).</summary>
    public static IReadOnlyList<RunMessageDto>? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.TrimStart()[0] != '[')
        {
            return null;
        }

        try
        {
            var messages = JsonSerializer.Deserialize<List<RunMessageDto?>>(text, Options);
            return messages is { Count: > 0 } && messages.All(m => m is { Role: not null, Content: not null }) ? [.. messages.Select(m => m!)] : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary><paramref name="text"/> indented when it is a JSON object or array; as it is otherwise.</summary>
    public static string Indented(string text)
    {
        var start = text.TrimStart();
        if (start.Length == 0 || (start[0] != '{' && start[0] != '['))
        {
            return text;
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            return JsonSerializer.Serialize(json.RootElement, IndentedOptions);
        }
        catch (JsonException)
        {
            return text;
        }
    }
}

using System.Text.Json;

namespace AiNative.Services.Traces;

/// <summary>Messages as a generation keeps them: a JSON array of <c>{"role", "content"}</c>, the OpenAI shape.</summary>
public static class TraceMessages
{
    public static string Serialize(IEnumerable<(string Role, string Content)> messages) =>
        JsonSerializer.Serialize(messages.Select(m => new TraceMessage(m.Role, m.Content)), TraceJson.Options);

    /// <summary>The messages of a generation's input; empty when it kept none or they are not in this shape.</summary>
    public static IReadOnlyList<TraceMessage> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<TraceMessage>>(json, TraceJson.Options) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}

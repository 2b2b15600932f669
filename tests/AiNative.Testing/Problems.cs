using System.Text.Json;

namespace AiNative.Testing;

/// <summary>Reads the problem details of an API answer, without the parts that differ per request (trace id).</summary>
public static class Problems
{
    public static async Task<(string? Title, string? Detail)> ReadAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        return (Text(root, "title"), Text(root, "detail"));
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.GetString() : null;
}

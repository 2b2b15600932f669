using System.Collections.Concurrent;
using System.Text.Json;
using NJsonSchema;

namespace AiNative.Services.Gateway.Routes;

/// <summary>Checks an answer against its route's guard: valid JSON, or JSON that matches the route's schema.</summary>
public static class AnswerGuard
{
    /// <summary>Parsed schemas by their text: a route's schema is parsed once, not for every answer.</summary>
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    /// <summary>Why the answer fails the guard, or null when it passes.</summary>
    public static string? Check(RouteGuard guard, string? schema, string answer)
    {
        if (guard == RouteGuard.None)
        {
            return null;
        }

        try
        {
            using var _ = JsonDocument.Parse(answer);
        }
        catch (JsonException e)
        {
            return $"The answer is not valid JSON ({e.Message})";
        }

        if (guard != RouteGuard.JsonSchema || schema is null)
        {
            return null;
        }

        var errors = Schemas.GetOrAdd(schema, text => JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult()).Validate(answer);
        return errors.Count == 0 ? null : $"The answer does not match the route's schema: {string.Join("; ", errors.Take(3).Select(e => $"{e.Path} {e.Kind}"))}";
    }

    /// <summary>Why a schema cannot be used, or null when it can.</summary>
    public static string? SchemaProblem(string schema)
    {
        try
        {
            JsonSchema.FromJsonAsync(schema).GetAwaiter().GetResult();
            return null;
        }
        catch (Exception e) when (e is JsonException or Newtonsoft.Json.JsonException or InvalidOperationException or NotSupportedException)
        {
            return e.Message;
        }
    }
}

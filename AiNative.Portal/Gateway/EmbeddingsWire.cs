using System.Runtime.InteropServices;
using System.Text.Json;
using AiNative.Services.Gateway.Calls;
using AiNative.Services.Models.Invocation;

namespace AiNative.Portal.Gateway;

/// <summary>OpenAI's embeddings format: <c>input</c> as a string or strings, vectors back as floats or base64 (the OpenAI SDKs ask for base64).</summary>
internal static class EmbeddingsWire
{
    public static (string Model, IReadOnlyList<string> Texts, bool Base64) Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw GatewayException.InvalidRequest("body", "The body must be a JSON object with 'model' and 'input'.");
        }

        var model = body.TryGetProperty("model", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() is { Length: > 0 } m
            ? m
            : throw GatewayException.InvalidRequest("model", "'model' is required: an embedding model's name.");
        if (!body.TryGetProperty("input", out var input))
        {
            throw GatewayException.InvalidRequest("input", "'input' is required: a string or an array of strings.");
        }

        IReadOnlyList<string> texts = input.ValueKind switch
        {
            JsonValueKind.String => [input.GetString()!],
            JsonValueKind.Array when input.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String) => [.. input.EnumerateArray().Select(i => i.GetString()!)],
            _ => throw GatewayException.InvalidRequest("input", "'input' must be a string or an array of strings; token arrays are not supported."),
        };
        var format = body.TryGetProperty("encoding_format", out var encoding) && encoding.ValueKind == JsonValueKind.String ? encoding.GetString() : "float";
        return format is "float" or "base64"
            ? (model, texts, format == "base64")
            : throw GatewayException.InvalidRequest("encoding_format", "'encoding_format' is float or base64.");
    }

    public static async Task WriteAsync(HttpContext http, string model, EmbeddingResult result, bool base64)
    {
        http.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(http.Response.Body);
        json.WriteStartObject();
        json.WriteString("object", "list");
        json.WriteStartArray("data");
        for (var i = 0; i < result.Vectors.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString("object", "embedding");
            json.WriteNumber("index", i);
            if (base64)
            {
                json.WriteBase64String("embedding", MemoryMarshal.AsBytes(result.Vectors[i].Span));
            }
            else
            {
                json.WriteStartArray("embedding");
                foreach (var value in result.Vectors[i].Span)
                {
                    json.WriteNumberValue(value);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("model", model);
        json.WriteStartObject("usage");
        json.WriteNumber("prompt_tokens", result.Usage.InputTokens);
        json.WriteNumber("total_tokens", result.Usage.InputTokens);
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }
}

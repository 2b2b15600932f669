using System.ClientModel.Primitives;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiNative.Services.Gateway.Calls;
using AiNative.Services.Models;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace AiNative.Portal.Gateway;

/// <summary>
/// Reads an OpenAI chat completion request. Messages are read by the OpenAI SDK's own model (every role, tool
/// calls and results, content parts) and turned into the portal's messages by Microsoft.Extensions.AI; the rest
/// is read here, and a field of the wrong shape is refused naming it.
/// </summary>
internal static class ChatRequestReader
{
    /// <summary>Fields that change how the answer is sent or logged but not what it says: left out of the cache key.</summary>
    private static readonly string[] DeliveryFields = ["stream", "stream_options", "user", "metadata", "store"];

    public static ChatCompletionRequest Read(JsonElement body, bool bypassCache)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw GatewayException.InvalidRequest("body", "The body must be a JSON object with 'model' and 'messages'.");
        }

        var model = String(body, "model") is { Length: > 0 } name ? name : throw GatewayException.InvalidRequest("model", "'model' is required: a route or model name.");
        if (Number(body, "n") is { } n && n != 1)
        {
            throw GatewayException.InvalidRequest("n", "Only n=1 is supported: send one request per answer.");
        }

        var stream = Boolean(body, "stream") ?? false;
        var request = new GatewayChatRequest
        {
            Model = model,
            Messages = Messages(body),
            Variables = Variables(body),
            Settings = new GenerationSettings
            {
                Temperature = (float?)Number(body, "temperature"),
                TopP = (float?)Number(body, "top_p"),
                MaxOutputTokens = (int?)(Number(body, "max_completion_tokens") ?? Number(body, "max_tokens")),
            },
            Tools = Tools(body),
            ToolMode = ToolMode(body),
            ResponseFormat = ResponseFormat(body),
            StopSequences = Stop(body),
            EndUser = String(body, "user"),
            CacheKeyOf = bypassCache ? null : () => CacheKey(body),
        };
        var includeUsage = body.TryGetProperty("stream_options", out var options) && options.ValueKind == JsonValueKind.Object
            && options.TryGetProperty("include_usage", out var usage) && usage.ValueKind == JsonValueKind.True;
        return new ChatCompletionRequest(request, stream, includeUsage);
    }

    /// <summary>
    /// The request's messages, none when it sent none: a prompt (named as the model or a route's target) brings its own,
    /// and the planner refuses a request that has neither.
    /// </summary>
    private static List<ChatMessage> Messages(JsonElement body)
    {
        if (!body.TryGetProperty("messages", out var messages) || messages.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (messages.ValueKind != JsonValueKind.Array)
        {
            throw GatewayException.InvalidRequest("messages", "'messages' must be an array of messages.");
        }

        var read = new List<OpenAI.Chat.ChatMessage>();
        var index = 0;
        foreach (var message in messages.EnumerateArray())
        {
            var field = $"messages[{index++}]";
            if (message.ValueKind != JsonValueKind.Object || String(message, "role") is not ("system" or "developer" or "user" or "assistant" or "tool" or "function"))
            {
                throw GatewayException.InvalidRequest(field, $"'{field}' needs a role: system, developer, user, assistant or tool.");
            }

            try
            {
                // With the SDK's own context: without it every message is built by reflection, attribute look-ups included.
                // OPENAI001 marks the context as subject to change; the package is pinned, so a change shows at the upgrade's build.
#pragma warning disable OPENAI001
                read.Add(ModelReaderWriter.Read<OpenAI.Chat.ChatMessage>(BinaryData.FromString(message.GetRawText()), ModelReaderWriterOptions.Json, OpenAI.OpenAIContext.Default)
                    ?? throw new FormatException("empty message"));
#pragma warning restore OPENAI001
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or JsonException or ArgumentException or KeyNotFoundException)
            {
                throw GatewayException.InvalidRequest(field, $"'{field}' is not a chat message in OpenAI's format ({e.Message}).");
            }
        }

        return [.. read.AsChatMessages()];
    }

    /// <summary>A prompt's variables: <c>"variables": {"name": "value"}</c> (with the Python SDK, <c>extra_body={"variables": …}</c>).</summary>
    private static Dictionary<string, string?> Variables(JsonElement body)
    {
        if (!body.TryGetProperty("variables", out var variables) || variables.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (variables.ValueKind != JsonValueKind.Object || variables.EnumerateObject().Any(v => v.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)))
        {
            throw GatewayException.InvalidRequest("variables", "'variables' must be an object of strings: {\"name\": \"value\"}.");
        }

        return variables.EnumerateObject().ToDictionary(v => v.Name, v => v.Value.GetString());
    }

    private static List<AITool> Tools(JsonElement body)
    {
        if (!body.TryGetProperty("tools", out var tools) || tools.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (tools.ValueKind != JsonValueKind.Array)
        {
            throw GatewayException.InvalidRequest("tools", "'tools' must be an array of functions.");
        }

        var declared = new List<AITool>();
        var index = 0;
        foreach (var tool in tools.EnumerateArray())
        {
            var field = $"tools[{index++}]";
            if (tool.ValueKind != JsonValueKind.Object || String(tool, "type") != "function"
                || !tool.TryGetProperty("function", out var function) || function.ValueKind != JsonValueKind.Object
                || String(function, "name") is not { Length: > 0 } name)
            {
                throw GatewayException.InvalidRequest(field, $"'{field}' must be {{\"type\": \"function\", \"function\": {{\"name\": …, \"parameters\": …}}}}.");
            }

            var parameters = function.TryGetProperty("parameters", out var schema) && schema.ValueKind == JsonValueKind.Object
                ? schema.Clone()
                : JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement.Clone();
            declared.Add(AIFunctionFactory.CreateDeclaration(name, String(function, "description"), parameters));
        }

        return declared;
    }

    private static ChatToolMode? ToolMode(JsonElement body)
    {
        if (!body.TryGetProperty("tool_choice", out var choice) || choice.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return choice.ValueKind switch
        {
            JsonValueKind.String => choice.GetString() switch
            {
                "auto" => ChatToolMode.Auto,
                "none" => ChatToolMode.None,
                "required" => ChatToolMode.RequireAny,
                var other => throw GatewayException.InvalidRequest("tool_choice", $"'tool_choice' '{other}' is not one of auto, none, required."),
            },
            JsonValueKind.Object when choice.TryGetProperty("function", out var function) && String(function, "name") is { Length: > 0 } name =>
                ChatToolMode.RequireSpecific(name),
            _ => throw GatewayException.InvalidRequest("tool_choice", "'tool_choice' is auto, none, required or {\"type\": \"function\", \"function\": {\"name\": …}}."),
        };
    }

    private static Microsoft.Extensions.AI.ChatResponseFormat? ResponseFormat(JsonElement body)
    {
        if (!body.TryGetProperty("response_format", out var format) || format.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        switch (format.ValueKind == JsonValueKind.Object ? String(format, "type") : null)
        {
            case "text":
                return Microsoft.Extensions.AI.ChatResponseFormat.Text;
            case "json_object":
                return Microsoft.Extensions.AI.ChatResponseFormat.Json;
            case "json_schema" when format.TryGetProperty("json_schema", out var named) && named.ValueKind == JsonValueKind.Object
                && named.TryGetProperty("schema", out var schema) && schema.ValueKind == JsonValueKind.Object:
                return Microsoft.Extensions.AI.ChatResponseFormat.ForJsonSchema(schema.Clone(), String(named, "name"), String(named, "description"));
            default:
                throw GatewayException.InvalidRequest("response_format",
                    "'response_format' is {\"type\": \"text\"}, {\"type\": \"json_object\"} or {\"type\": \"json_schema\", \"json_schema\": {\"name\": …, \"schema\": {…}}}.");
        }
    }

    private static List<string> Stop(JsonElement body)
    {
        if (!body.TryGetProperty("stop", out var stop) || stop.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return stop.ValueKind switch
        {
            JsonValueKind.String => [stop.GetString()!],
            JsonValueKind.Array when stop.EnumerateArray().All(s => s.ValueKind == JsonValueKind.String) && stop.GetArrayLength() <= 4 =>
                [.. stop.EnumerateArray().Select(s => s.GetString()!)],
            _ => throw GatewayException.InvalidRequest("stop", "'stop' is a string or an array of up to 4 strings."),
        };
    }

    /// <summary>A digest of the request without the fields that only change its delivery: equal digests get equal answers from the cache.</summary>
    private static string CacheKey(JsonElement body)
    {
        var node = JsonNode.Parse(body.GetRawText())!.AsObject();
        foreach (var field in DeliveryFields)
        {
            node.Remove(field);
        }

        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(node)));
    }

    private static string? String(JsonElement body, string field) =>
        !body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw GatewayException.InvalidRequest(field, $"'{field}' must be a string.");

    private static double? Number(JsonElement body, string field) =>
        !body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.Number ? value.GetDouble()
        : throw GatewayException.InvalidRequest(field, $"'{field}' must be a number.");

    private static bool? Boolean(JsonElement body, string field) =>
        !body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
        : throw GatewayException.InvalidRequest(field, $"'{field}' must be true or false.");
}

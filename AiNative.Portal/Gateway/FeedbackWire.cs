using System.Text.Json;
using AiNative.Services.Gateway.Calls;
using AiNative.Services.Traces.Scoring;

namespace AiNative.Portal.Gateway;

/// <summary>Reads feedback on a gateway answer: which trace, which score, its value (a number or a category such as <c>positive</c>) and a comment.</summary>
internal static class FeedbackWire
{
    public static ScoreInput Read(JsonElement body, out Guid traceId)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw GatewayException.InvalidRequest("body", "The body must be a JSON object with 'trace_id' and 'value'.");
        }

        traceId = body.TryGetProperty("trace_id", out var id) && id.ValueKind == JsonValueKind.String && Guid.TryParse(id.GetString(), out var parsed)
            ? parsed
            : throw GatewayException.InvalidRequest("trace_id", "'trace_id' is required: the x-ainative-trace-id header of the answer.");
        if (!body.TryGetProperty("value", out var value) || value.ValueKind is not (JsonValueKind.Number or JsonValueKind.String or JsonValueKind.True or JsonValueKind.False))
        {
            throw GatewayException.InvalidRequest("value", "'value' is required: \"positive\" or \"negative\", true or false, or a number.");
        }

        return new ScoreInput
        {
            Name = Text(body, "name"),
            Value = value.ValueKind switch
            {
                JsonValueKind.Number => value.GetDouble(),
                JsonValueKind.True => 1,
                JsonValueKind.False => 0,
                _ => null,
            },
            StringValue = value.ValueKind == JsonValueKind.String ? value.GetString() : null,
            Comment = Text(body, "comment"),
        };
    }

    private static string? Text(JsonElement body, string field) =>
        !body.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw GatewayException.InvalidRequest(field, $"'{field}' must be a string.");
}

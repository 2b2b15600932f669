using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiNative.Services.Traces;

/// <summary>How the portal writes the JSON it keeps in traces: camelCase, enums as strings.</summary>
public static class TraceJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

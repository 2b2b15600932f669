using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiNative.Portal.Client.Contracts;

/// <summary>The JSON shape of the portal's API: web defaults, enums as strings.</summary>
public static class PortalJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}

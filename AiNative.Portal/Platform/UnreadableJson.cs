using System.Text.Json;
using System.Text.RegularExpressions;
using AiNative.Portal.Client.Contracts;

namespace AiNative.Portal.Platform;

/// <summary>A request body that is not the JSON an endpoint takes, answered with the field at fault and what is wrong with it.</summary>
internal static partial class UnreadableJson
{
    private const string Title = "The request could not be read";
    private const string Advice = "Check that the body is JSON in the shape the API reference describes.";

    public static ApiProblem Problem(JsonException json)
    {
        var unknown = UnmappedMember().Match(json.Message);
        var field = unknown.Success ? unknown.Groups[1].Value : FieldOf(json.Path);
        if (field is null)
        {
            return new ApiProblem(400, Title, $"The body is not valid JSON. {Advice}");
        }

        var message = unknown.Success
            ? $"'{field}' is not a field of this request. Remove it, or check its spelling against the API reference."
            : json.Message.StartsWith("Use one of", StringComparison.Ordinal)
                ? $"'{field}' has a value the API does not know. {json.Message}"
                : $"'{field}' has a value of the wrong type.";
        return new ApiProblem(400, Title, $"{message} {Advice}", new Dictionary<string, string[]> { [field] = [message] });
    }

    /// <summary>"mode" for the path "$.mode"; null for the whole body.</summary>
    private static string? FieldOf(string? path) =>
        path is null || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    [GeneratedRegex(@"^The JSON property '(.+?)' could not be mapped")]
    private static partial Regex UnmappedMember();
}

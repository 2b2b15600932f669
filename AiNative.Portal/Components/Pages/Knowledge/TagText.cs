namespace AiNative.Portal.Components.Pages.Knowledge;

/// <summary>
/// Tags as people type them: <c>key=value</c> pairs separated by commas or new lines (Kernel
/// Memory's <c>key:value</c> also works). The server checks lengths and counts.
/// </summary>
public static class TagText
{
    private static readonly char[] Separators = [',', '\n', '\r'];

    /// <summary>The tags in <paramref name="text"/>, or the first pair that is not <c>key=value</c>.</summary>
    public static (Dictionary<string, List<string>> Tags, string? Problem) Parse(string? text)
    {
        var tags = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in (text ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = pair.IndexOfAny(['=', ':']);
            if (separator <= 0)
            {
                return (tags, $"'{pair}' is not key=value. Write tags such as team=support, separated by commas.");
            }

            var key = pair[..separator].Trim();
            var value = pair[(separator + 1)..].Trim();
            if (!tags.TryGetValue(key, out var values))
            {
                tags[key] = values = [];
            }

            if (!values.Contains(value, StringComparer.Ordinal))
            {
                values.Add(value);
            }
        }

        return (tags, null);
    }

    public static string Format(IReadOnlyDictionary<string, List<string>> tags) =>
        string.Join(", ", Pairs(tags));

    public static IEnumerable<string> Pairs(IReadOnlyDictionary<string, List<string>> tags) =>
        tags.SelectMany(t => t.Value.Select(v => $"{t.Key}={v}"));
}

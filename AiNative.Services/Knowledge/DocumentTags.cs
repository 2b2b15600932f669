using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Knowledge;

/// <summary>Reads and checks <c>key=value</c> tags, the way uploads and filters give them.</summary>
public static class DocumentTags
{
    public const int MaxKeyLength = 100;
    public const int MaxValueLength = 200;
    public const int MaxTagsPerDocument = 50;

    /// <summary>Parses <c>key=value</c> (or Kernel Memory's <c>key:value</c>) strings into a key → values map.</summary>
    public static Dictionary<string, List<string>> Parse(IEnumerable<string> tags)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var tag in tags.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            var separator = tag.IndexOfAny(['=', ':']);
            if (separator <= 0)
            {
                throw new ValidationFailedException("Tags", $"The tag '{Shorten(tag)}' has no key: write tags as key=value, such as team=support.");
            }

            Add(result, tag[..separator], tag[(separator + 1)..]);
        }

        return result;
    }

    /// <summary>Trims and validates a key → values map; throws with every problem at once.</summary>
    public static Dictionary<string, List<string>> Normalize(IReadOnlyDictionary<string, List<string>>? tags)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in tags ?? new Dictionary<string, List<string>>())
        {
            foreach (var value in values)
            {
                Add(result, key, value);
            }
        }

        var validation = new Validation();
        foreach (var (key, values) in result)
        {
            validation
                .Require(key.Length is > 0 and <= MaxKeyLength, "Tags", $"A tag key must have 1 to {MaxKeyLength} characters; '{Shorten(key)}' does not.")
                .Require(values.All(v => v.Length <= MaxValueLength), "Tags", $"Tag values must be at most {MaxValueLength} characters (key '{Shorten(key)}').");
        }

        validation.Require(result.Sum(t => t.Value.Count) <= MaxTagsPerDocument, "Tags", $"A document can have at most {MaxTagsPerDocument} tags.");
        validation.ThrowIfInvalid();
        return result;
    }

    public static List<DocumentTag> ToEntities(Guid documentId, IReadOnlyDictionary<string, List<string>> tags) =>
        [.. tags.SelectMany(t => t.Value.Select(v => new DocumentTag { DocumentId = documentId, Key = t.Key, Value = v }))];

    public static Dictionary<string, List<string>> FromEntities(IEnumerable<DocumentTag> tags) =>
        tags.GroupBy(t => t.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Value).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

    private static void Add(Dictionary<string, List<string>> tags, string key, string value)
    {
        key = key.Trim();
        value = value.Trim();
        if (!tags.TryGetValue(key, out var values))
        {
            tags[key] = values = [];
        }

        if (!values.Contains(value, StringComparer.Ordinal))
        {
            values.Add(value);
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : $"{text[..40]}…";

    /// <summary>"team=support, lang=en", for messages and the audit log.</summary>
    public static string Describe(IReadOnlyDictionary<string, List<string>> tags) =>
        string.Join(", ", tags.SelectMany(t => t.Value.Select(v => $"{t.Key}={v}")));
}

using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Datasets;

/// <summary>The rules of an item's content, for forms (field errors) and imports (one reason per bad row).</summary>
internal static class ItemRules
{
    public const string VariablesField = "Variables";

    public const string ExpectedOutputField = "ExpectedOutput";

    public const string ExpectedSourcesField = "ExpectedSources";

    public const string MetadataField = "Metadata";

    /// <summary>The content ready to save, or every problem with it (field → sentence).</summary>
    public static (CheckedItem? Item, List<(string Field, string Message)> Problems) Check(ItemContent content)
    {
        var problems = new List<(string, string)>();
        var input = ItemJson.Write(content.Variables);
        var metadata = ItemJson.Write(content.Metadata);
        var expected = string.IsNullOrEmpty(content.ExpectedOutput) ? null : content.ExpectedOutput;
        var sources = content.ExpectedSources.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();

        if (content.Variables.Count == 0)
        {
            problems.Add((VariablesField, "Give at least one input variable, such as {\"question\": \"…\"}."));
        }

        CheckKeys(content.Variables.Select(v => v.Key), "variable", VariablesField, problems);
        CheckKeys(content.Metadata.Select(v => v.Key), "metadata", MetadataField, problems);
        CheckLength(input, "The input variables", VariablesField, problems);
        CheckLength(expected, "The expected output", ExpectedOutputField, problems);
        CheckLength(metadata, "The metadata", MetadataField, problems);
        if (sources.Count > DatasetRules.MaxExpectedSources)
        {
            problems.Add((ExpectedSourcesField, $"Name at most {DatasetRules.MaxExpectedSources} expected source documents; this has {sources.Count}."));
        }

        if (sources.FirstOrDefault(s => s.Length > DatasetRules.SourceMaxLength) is { } longSource)
        {
            problems.Add((ExpectedSourcesField, $"An expected source must be at most {DatasetRules.SourceMaxLength} characters; '{longSource[..40]}…' is {longSource.Length:N0}."));
        }

        return problems.Count > 0 ? (null, problems) : (new CheckedItem(input, expected, sources, metadata), problems);
    }

    /// <summary>The content ready to save; its problems as field errors otherwise.</summary>
    public static CheckedItem CheckOrThrow(ItemContent content)
    {
        var (item, problems) = Check(content);
        return item ?? throw new ValidationFailedException(
            problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
    }

    private static void CheckKeys(IEnumerable<string> keys, string kind, string field, List<(string, string)> problems)
    {
        foreach (var key in keys)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                problems.Add((field, $"Every {kind} needs a name; one has none."));
            }
            else if (key.Length > DatasetRules.KeyMaxLength)
            {
                problems.Add((field, $"A {kind} name must be at most {DatasetRules.KeyMaxLength} characters; '{key[..20]}…' is {key.Length}."));
            }
        }
    }

    private static void CheckLength(string? value, string what, string field, List<(string, string)> problems)
    {
        if (value?.Length > DatasetRules.ValueMaxLength)
        {
            problems.Add((field, $"{what} must be at most {DatasetRules.ValueMaxLength:N0} characters; this is {value.Length:N0}."));
        }
    }
}

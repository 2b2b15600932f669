namespace AiNative.Services.Datasets;

/// <summary>Limits of a dataset and its items, shared by validation and the database schema.</summary>
public static class DatasetRules
{
    public const int NameMaxLength = 100;

    public const int DescriptionMaxLength = 1000;

    public const int SummaryMaxLength = 500;

    /// <summary>The longest variable or metadata name.</summary>
    public const int KeyMaxLength = 100;

    /// <summary>The longest input (as JSON), expected output or metadata (as JSON) of one item, in characters.</summary>
    public const int ValueMaxLength = 100_000;

    public const int MaxExpectedSources = 100;

    public const int SourceMaxLength = 500;

    public const int MaxPageSize = 200;

    /// <summary>How many trace ids one call turns into items at most.</summary>
    public const int MaxTracesPerCall = 1_000;

    /// <summary>How many item ids one call deletes at most.</summary>
    public const int MaxItemsPerDelete = 1_000;
}

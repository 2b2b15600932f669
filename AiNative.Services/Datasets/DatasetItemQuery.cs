namespace AiNative.Services.Datasets;

/// <summary>Which items of a dataset to list: a version (the latest when null), optionally those containing some text; pages count from 1.</summary>
public sealed record DatasetItemQuery
{
    public int? Version { get; init; }

    /// <summary>Text the input or the expected output contains (case-insensitive).</summary>
    public string? Search { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}

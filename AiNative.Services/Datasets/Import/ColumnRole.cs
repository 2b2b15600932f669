namespace AiNative.Services.Datasets.Import;

/// <summary>What an imported column becomes in each item.</summary>
public enum ColumnRole
{
    /// <summary>Not imported.</summary>
    Ignore = 0,

    /// <summary>One input variable, named after the column (or the mapping's name).</summary>
    Variable = 1,

    /// <summary>A JSON object whose properties are input variables (as exports write <c>input</c>).</summary>
    Variables = 2,

    ExpectedOutput = 3,

    /// <summary>Documents retrieval should find: a JSON array of names, or names separated by semicolons.</summary>
    ExpectedSources = 4,

    /// <summary>One metadata field, named after the column (or the mapping's name).</summary>
    Metadata = 5,

    /// <summary>A JSON object whose properties are metadata fields (as exports write <c>metadata</c>).</summary>
    MetadataObject = 6,
}

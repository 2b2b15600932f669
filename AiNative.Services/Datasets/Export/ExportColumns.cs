namespace AiNative.Services.Datasets.Export;

/// <summary>The names exported files give an item's parts; imports suggest the same roles for them.</summary>
internal static class ExportColumns
{
    public const string Id = "id";

    public const string Input = "input";

    public const string ExpectedOutput = "expected_output";

    public const string ExpectedSources = "expected_sources";

    public const string Metadata = "metadata";
}

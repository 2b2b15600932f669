namespace AiNative.Services.Datasets.Import;

/// <summary>How to read a file and what to make of it. Without a format it is detected; without a mapping the suggested one is used.</summary>
public sealed record ImportOptions
{
    public ImportFormat? Format { get; init; }

    public IReadOnlyList<ColumnMapping>? Mapping { get; init; }

    public BadRowHandling BadRows { get; init; } = BadRowHandling.ImportNothing;

    public ImportMode Mode { get; init; } = ImportMode.Append;
}

namespace AiNative.Services.Datasets.Import;

/// <summary>A row that cannot become an item: its line in the file (from 1, as an editor counts) and why.</summary>
public sealed record BadRow(int Line, string Reason)
{
    public override string ToString() => $"Line {Line}: {Reason}";
}

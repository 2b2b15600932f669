namespace AiNative.Portal.Client.Contracts.Datasets;

/// <summary>A row that cannot become an item: its line in the file (from 1) and why.</summary>
public sealed record BadRowDto(int Line, string Reason);

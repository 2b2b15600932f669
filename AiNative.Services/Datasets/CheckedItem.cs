namespace AiNative.Services.Datasets;

/// <summary>An item's content as it is saved: its JSON written, blank values dropped.</summary>
internal sealed record CheckedItem(string Input, string? ExpectedOutput, List<string> ExpectedSources, string Metadata);

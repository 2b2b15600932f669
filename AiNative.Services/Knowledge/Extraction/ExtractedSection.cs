namespace AiNative.Services.Knowledge.Extraction;

/// <summary>Text under one heading or on one page, as paragraphs (or records, for CSV and JSON).</summary>
public sealed record ExtractedSection(string? Heading, int? Page, IReadOnlyList<string> Paragraphs);

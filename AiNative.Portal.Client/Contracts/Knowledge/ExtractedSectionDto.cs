namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>Extracted text under one heading or on one page, as paragraphs (records, for CSV and JSON).</summary>
public sealed record ExtractedSectionDto(string? Heading, int? Page, IReadOnlyList<string> Paragraphs);

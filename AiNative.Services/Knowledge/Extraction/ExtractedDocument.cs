namespace AiNative.Services.Knowledge.Extraction;

/// <summary>A document's text with the structure that citations need: headings, pages, paragraphs.</summary>
public sealed record ExtractedDocument(IReadOnlyList<ExtractedSection> Sections)
{
    /// <summary>The pages of a paged document (PDF), blank ones included; null for other formats.</summary>
    public int? Pages { get; init; }

    public bool HasText => Sections.Any(s => s.Paragraphs.Any(p => !string.IsNullOrWhiteSpace(p)));

    public long Characters => Sections.Sum(s => s.Paragraphs.Sum(p => (long)p.Length));
}

namespace AiNative.Services.Knowledge.Extraction;

/// <summary>The extractor for each format.</summary>
public sealed class DocumentExtractors(IEnumerable<IDocumentExtractor> extractors)
{
    private readonly Dictionary<DocumentFormat, IDocumentExtractor> _byFormat = extractors.ToDictionary(e => e.Format);

    public ExtractedDocument Extract(DocumentFormat format, Stream content) =>
        _byFormat.TryGetValue(format, out var extractor)
            ? extractor.Extract(content)
            : throw new DocumentRejectedException($"No extractor reads {format} documents.", 415);
}

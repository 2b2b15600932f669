namespace AiNative.Services.Knowledge.Extraction;

internal sealed class PlainTextExtractor : IDocumentExtractor
{
    public DocumentFormat Format => DocumentFormat.Text;

    public ExtractedDocument Extract(Stream content) =>
        new([new ExtractedSection(null, null, Paragraphs.Split(TextDecoding.Decode(content)))]);
}

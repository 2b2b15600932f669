namespace AiNative.Services.Knowledge.Extraction;

/// <summary>Turns the bytes of one format into structured text; throws <see cref="DocumentRejectedException"/> for unreadable files.</summary>
public interface IDocumentExtractor
{
    DocumentFormat Format { get; }

    ExtractedDocument Extract(Stream content);
}

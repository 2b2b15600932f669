namespace AiNative.Services.Knowledge.Extraction;

/// <summary>File extensions and media types of the formats the portal reads.</summary>
public static class DocumentFormats
{
    private static readonly Dictionary<string, DocumentFormat> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = DocumentFormat.Text,
        [".text"] = DocumentFormat.Text,
        [".md"] = DocumentFormat.Markdown,
        [".markdown"] = DocumentFormat.Markdown,
        [".html"] = DocumentFormat.Html,
        [".htm"] = DocumentFormat.Html,
        [".pdf"] = DocumentFormat.Pdf,
        [".docx"] = DocumentFormat.Docx,
        [".csv"] = DocumentFormat.Csv,
        [".json"] = DocumentFormat.Json,
    };

    public static string Supported => ".txt, .md, .html, .pdf, .docx, .csv, .json";

    /// <summary>Every extension read, such as a file picker's accept list takes.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [.. ByExtension.Keys];

    public static DocumentFormat? FromFileName(string fileName) =>
        ByExtension.TryGetValue(Path.GetExtension(fileName), out var format) ? format : null;

    public static bool IsText(DocumentFormat format) => format is not (DocumentFormat.Pdf or DocumentFormat.Docx);

    public static string MediaType(DocumentFormat format) => format switch
    {
        DocumentFormat.Text => "text/plain",
        DocumentFormat.Markdown => "text/markdown",
        DocumentFormat.Html => "text/html",
        DocumentFormat.Pdf => "application/pdf",
        DocumentFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        DocumentFormat.Csv => "text/csv",
        _ => "application/json",
    };
}

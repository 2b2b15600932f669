namespace AiNative.Services.Knowledge.Extraction;

/// <summary>
/// Decides a file's type from its content, and refuses it when the content is not what its name
/// says, is empty, or cannot be read. Uploaded files are untrusted: the name only proposes a type.
/// </summary>
public static class ContentInspector
{
    private const int SniffLength = 8192;
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>
    /// The format of <paramref name="content"/> (a seekable stream, read from its start); a compressed
    /// document that unpacks to more than <paramref name="maxExpandedBytes"/> is refused.
    /// </summary>
    public static DocumentFormat Inspect(string fileName, Stream content, long maxExpandedBytes)
    {
        var claimed = DocumentFormats.FromFileName(fileName) ?? throw new DocumentRejectedException(
            $"'{Path.GetExtension(fileName)}' files are not supported{(Path.HasExtension(fileName) ? string.Empty : " (the name has no extension)")}. Upload one of: {DocumentFormats.Supported}.", 415);
        if (content.Length == 0)
        {
            throw new DocumentRejectedException("The file is empty.");
        }

        var head = new byte[(int)Math.Min(SniffLength, content.Length)];
        content.Position = 0;
        content.ReadExactly(head);
        content.Position = 0;
        var found = Sniff(head);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        switch (claimed)
        {
            case DocumentFormat.Pdf when found != Sniffed.Pdf:
            case DocumentFormat.Docx when found != Sniffed.Zip:
            case not (DocumentFormat.Pdf or DocumentFormat.Docx) when found != Sniffed.Text:
                throw new DocumentRejectedException(
                    $"The file is named {extension} but its content is {Describe(found)}. Rename it to match its content, or upload the right file.", 415);
        }

        Verify(claimed, content, maxExpandedBytes);
        content.Position = 0;
        return claimed;
    }

    /// <summary>Opens the file as its format would be read, so damaged files are refused at upload, not later.</summary>
    private static void Verify(DocumentFormat format, Stream content, long maxExpandedBytes)
    {
        switch (format)
        {
            case DocumentFormat.Pdf:
                // Opening reads the structure only; the pages' time limit applies at extraction.
                using (PdfExtractor.Open(content, new PdfReadBudget(maxExpandedBytes, TimeSpan.MaxValue)))
                {
                }

                break;
            case DocumentFormat.Docx:
                using (DocxExtractor.Open(content, maxExpandedBytes))
                {
                }

                break;
            case DocumentFormat.Json:
                using (JsonExtractor.Parse(TextDecoding.Decode(content)))
                {
                }

                break;
            default:
                if (string.IsNullOrWhiteSpace(TextDecoding.Decode(content)))
                {
                    throw new DocumentRejectedException("The file has no text (only white space).");
                }

                break;
        }

        content.Position = 0;
    }

    private static Sniffed Sniff(ReadOnlySpan<byte> head)
    {
        var start = head.TrimStart((ReadOnlySpan<byte>)[0x20, 0x09, 0x0A, 0x0D]);
        if (start.StartsWith(PdfMagic))
        {
            return Sniffed.Pdf;
        }

        if (head.StartsWith(ZipMagic))
        {
            return Sniffed.Zip;
        }

        // UTF-16 text has NUL bytes but starts with a byte-order mark; other NULs mean binary data.
        var utf16 = head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        return !utf16 && head.Contains((byte)0) ? Sniffed.Binary : Sniffed.Text;
    }

    private static string Describe(Sniffed found) => found switch
    {
        Sniffed.Pdf => "a PDF",
        Sniffed.Zip => "a ZIP package (such as a Word document)",
        Sniffed.Binary => "binary data",
        _ => "plain text",
    };

    private enum Sniffed
    {
        Text,
        Pdf,
        Zip,
        Binary,
    }
}

using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace AiNative.Testing;

/// <summary>Documents the tests generate: PDFs with PdfPig's writer, Word files with Open XML, and a hand-made encrypted PDF.</summary>
public static class TestDocuments
{
    /// <summary>A PDF with one page per entry, each with its lines of text.</summary>
    public static byte[] Pdf(params string[][] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
            var y = 780.0;
            foreach (var line in lines)
            {
                page.AddText(line, 11, new PdfPoint(40, y), font);
                y -= 30;
            }
        }

        return builder.Build();
    }

    /// <summary>A Word document of (style, text) paragraphs; styles such as "Heading1" are defined in the package.</summary>
    public static byte[] Docx(params (string? Style, string Text)[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                paragraphs.Select(p => p.Style).OfType<string>().Distinct().Select(id =>
                    new Style(new StyleName { Val = id.StartsWith("Heading", StringComparison.Ordinal) ? $"heading {id[7..]}" : id })
                    {
                        Type = StyleValues.Paragraph,
                        StyleId = id,
                    }));
            main.Document = new Document(new Body(paragraphs.Select(p =>
            {
                var paragraph = new Paragraph(new Run(new Text(p.Text)));
                if (p.Style is not null)
                {
                    paragraph.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = p.Style }));
                }

                return (OpenXmlElement)paragraph;
            })));
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A PDF encrypted with the standard security handler whose user password is not empty: PdfPig
    /// cannot write encryption, so the file is assembled here with a correct cross-reference table.
    /// </summary>
    public static byte[] EncryptedPdf()
    {
        var id = new string('C', 32);
        return AssemblePdf(
            [
                Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"),
                Ascii($"<< /Filter /Standard /V 1 /R 2 /O <{new string('A', 64)}> /U <{new string('B', 64)}> /P -4 >>"),
            ],
            $"/Encrypt 4 0 R /ID [<{id}> <{id}>]");
    }

    /// <summary>
    /// A one-page PDF whose Flate-compressed content stream shows <paramref name="text"/> and then
    /// <paramref name="padding"/> bytes of white space: a small file that decompresses to as much as a test needs.
    /// </summary>
    public static byte[] InflatingPdf(string text, int padding)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(Encoding.ASCII.GetBytes($"BT /F1 12 Tf 40 700 Td ({text}) Tj ET\n"));
            zlib.Write(Enumerable.Repeat((byte)' ', padding).ToArray());
        }

        var stream = Ascii($"<< /Length {compressed.Length} /Filter /FlateDecode >>\nstream\n").Concat(compressed.ToArray()).Concat(Ascii("\nendstream")).ToArray();
        return AssemblePdf(
            [
                Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
                stream,
                Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
            ],
            string.Empty);
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    /// <summary>A PDF of the numbered objects (the first is the catalog) with a correct cross-reference table.</summary>
    private static byte[] AssemblePdf(IReadOnlyList<byte[]> objects, string trailerEntries)
    {
        using var pdf = new MemoryStream();
        pdf.Write(Ascii("%PDF-1.4\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Ascii($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write(Ascii("\nendobj\n"));
        }

        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append($"{offset:D10} 00000 n \n");
        }

        table.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R {trailerEntries} >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Ascii(table.ToString()));
        return pdf.ToArray();
    }
}

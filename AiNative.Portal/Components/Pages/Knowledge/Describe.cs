using AiNative.Portal.Client.Contracts.Knowledge;

namespace AiNative.Portal.Components.Pages.Knowledge;

/// <summary>Knowledge values in the words the pages use.</summary>
public static class Describe
{
    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MB",
        >= 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes} bytes",
    };

    /// <summary>Where a chunk sits in its document: its page, its heading, or its part number when it has neither.</summary>
    public static string Position(int? page, string? heading, int partitionNumber) => Place(page, heading) ?? $"part {partitionNumber + 1}";

    /// <summary>"page 3 · Install › Linux", or null for a chunk of a document with neither pages nor headings.</summary>
    public static string? Place(int? page, string? heading)
    {
        var parts = new List<string>(2);
        if (page is { } number)
        {
            parts.Add($"page {number}");
        }

        if (!string.IsNullOrWhiteSpace(heading))
        {
            parts.Add(heading);
        }

        return parts.Count > 0 ? string.Join(" · ", parts) : null;
    }

    /// <summary>"Word", "PDF", … for a document's media type.</summary>
    public static string Format(string mediaType) => mediaType switch
    {
        "text/plain" => "Text",
        "text/markdown" => "Markdown",
        "text/html" => "HTML",
        "application/pdf" => "PDF",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "Word",
        "text/csv" => "CSV",
        "application/json" => "JSON",
        _ => mediaType,
    };

    /// <summary>"PDF · 12 pages", or the format alone for a document without pages (or not counted yet).</summary>
    public static string Kind(DocumentDto document) => document.PageCount switch
    {
        1 => $"{Format(document.ContentType)} · 1 page",
        { } pages => $"{Format(document.ContentType)} · {pages:N0} pages",
        null => Format(document.ContentType),
    };

    public static string Splitter(SplitterDto splitter) => splitter switch
    {
        SplitterDto.Markdown => "Markdown (headings and paragraphs)",
        _ => "Plain text (sentences)",
    };

    public static string Mode(SearchModeDto mode) => mode switch
    {
        SearchModeDto.Vector => "Vector (meaning)",
        SearchModeDto.Keyword => "Keyword (BM25)",
        _ => "Hybrid (vector + keyword, fused)",
    };
}

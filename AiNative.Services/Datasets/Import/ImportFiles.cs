using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Datasets.Import;

/// <summary>Reading an uploaded file within the size limit, and telling its format.</summary>
internal static class ImportFiles
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    /// <summary>The whole file; one larger than <paramref name="maxBytes"/> is refused without being read to its end.</summary>
    public static async Task<byte[]> ReadAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.CanSeek && content.Length - content.Position > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The format asked for; else the one the file's name says (.csv, .tsv, .jsonl, .ndjson); else the one its first character says.</summary>
    public static ImportFormat Detect(string fileName, byte[] content, ImportFormat? asked)
    {
        if (asked is { } format)
        {
            return format;
        }

        switch (Path.GetExtension(fileName).ToLowerInvariant())
        {
            case ".csv" or ".tsv":
                return ImportFormat.Csv;
            case ".jsonl" or ".ndjson":
                return ImportFormat.JsonLines;
        }

        // A .json file is an array, unless it starts with an object: then it is one object per line.
        var text = content.AsSpan(TextStart(content)).TrimStart(" \t\r\n"u8);
        return text.IsEmpty ? ImportFormat.Csv
            : text[0] == (byte)'[' ? ImportFormat.Json
            : text[0] == (byte)'{' ? ImportFormat.JsonLines
            : ImportFormat.Csv;
    }

    public static IImportRows Rows(ImportFormat format, byte[] content) => format switch
    {
        ImportFormat.JsonLines => new JsonLinesRows(content),
        ImportFormat.Json => new JsonArrayRows(content),
        _ => new CsvRows(content),
    };

    /// <summary>Where the text begins: after a UTF-8 byte order mark, if the file has one.</summary>
    public static int TextStart(byte[] content) => content.AsSpan().StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0;

    private static ValidationFailedException TooLarge(long maxBytes) => ImportProblems.File(
        $"The file is larger than {Size(maxBytes)}, the most one import reads (Portal:Datasets:MaxImportBytes). Split it into smaller files and import them one after another.");

    public static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes / 1024.0:0.#} KB";
}

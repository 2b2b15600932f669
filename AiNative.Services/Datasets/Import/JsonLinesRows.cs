using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiNative.Services.Datasets.Import;

/// <summary>JSON Lines: one object per line; blank lines are passed over, and a line that is not a JSON object is a bad row.</summary>
internal sealed class JsonLinesRows(byte[] content) : IImportRows
{
    public IEnumerable<RawRow> Read()
    {
        var start = ImportFiles.TextStart(content);
        var line = 0;
        var any = false;
        while (start <= content.Length)
        {
            line++;
            var end = Array.IndexOf(content, (byte)'\n', start);
            var length = (end < 0 ? content.Length : end) - start;
            var text = new ReadOnlyMemory<byte>(content, start, length);
            start += length + 1;
            if (IsBlank(text.Span))
            {
                continue;
            }

            any = true;
            yield return Parse(line, text);
        }

        if (!any)
        {
            throw ImportProblems.Empty();
        }
    }

    private static RawRow Parse(int line, ReadOnlyMemory<byte> text)
    {
        try
        {
            return JsonRowCells.Of(line, JsonNode.Parse(text.Span));
        }
        catch (JsonException e)
        {
            var position = e.BytePositionInLine is { } at ? $" near character {at + 1}" : string.Empty;
            return RawRow.Bad(line, $"It is not valid JSON{position}. Each line must be one JSON object, like {{\"question\": \"…\"}}.");
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> text) => text.Trim(" \t\r"u8).IsEmpty;
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiNative.Services.Datasets.Import;

/// <summary>
/// A JSON file holding one array of objects. An element that is not an object is a bad row, named by the line it
/// starts on; JSON that does not parse stops the whole file, since nothing after the error can be read.
/// </summary>
internal sealed class JsonArrayRows(byte[] content) : IImportRows
{
    public IEnumerable<RawRow> Read()
    {
        var start = ImportFiles.TextStart(content);
        if (content.AsSpan(start).Trim(" \t\r\n"u8).IsEmpty)
        {
            throw ImportProblems.Empty();
        }

        var rows = ReadAll(start);
        if (rows.Count == 0)
        {
            throw ImportProblems.File("The file holds an empty array. Add at least one object, like [{\"question\": \"…\"}].");
        }

        return rows;
    }

    // Read at once: Utf8JsonReader is a ref struct and cannot live across the yields of an iterator.
    private List<RawRow> ReadAll(int start)
    {
        var rows = new List<RawRow>();
        var reader = new Utf8JsonReader(content.AsSpan(start), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var lines = new LineCounter(content, start);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                throw ImportProblems.File(
                    "The file must hold one JSON array of objects, like [{\"question\": \"…\"}]. For one object per line, name the file .jsonl.");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = lines.LineAt(start + (int)reader.TokenStartIndex);
                rows.Add(JsonRowCells.Of(line, JsonNode.Parse(ref reader)));
            }

            // Anything but white space after the array is an error too, reported with its line.
            reader.Read();
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var position = e.BytePositionInLine is { } at ? $", near character {at + 1}" : string.Empty;
            throw ImportProblems.File(
                $"The file is not valid JSON: the error is on line {line}{position}, and nothing after it can be read. " +
                "Fix it there, or save the items as JSON Lines (one object per line), where a broken line stops only itself.");
        }

        return rows;
    }

    /// <summary>Line numbers of byte offsets, counted forwards once.</summary>
    private sealed class LineCounter(byte[] content, int start)
    {
        private int _offset = start;
        private int _line = 1;

        public int LineAt(int offset)
        {
            _line += content.AsSpan(_offset, offset - _offset).Count((byte)'\n');
            _offset = offset;
            return _line;
        }
    }
}

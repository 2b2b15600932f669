using System.Text.Json.Nodes;
using CsvHelper;

namespace AiNative.Services.Datasets.Import;

/// <summary>
/// A CSV file with a header row (CsvHelper; the separator , ; tab or | is detected). A row with broken quoting or
/// a field count other than the header's is bad, named by the line it starts on; a stray quote inside an
/// unquoted value is kept as text, as spreadsheets write it.
/// </summary>
internal sealed class CsvRows(byte[] content) : IImportRows
{
    public IEnumerable<RawRow> Read()
    {
        var malformed = new Dictionary<long, CsvMalformedReason>();
        var options = new CsvReaderOptions
        {
            TrackLineNumbers = true,
            OnMalformedRecord = record => malformed[record.RecordNumber] = record.Reason,
        };
        using var csv = CsvReader.Create(content, options);
        var header = Header(csv.Headers);
        var any = false;
        while (csv.Read())
        {
            any = true;
            var line = (int)csv.LineNumber;

            // Malformed records are reported as they are read, numbered with the header as record 1.
            if (malformed.Remove(csv.RowNumber + 1, out var reason) && reason != CsvMalformedReason.StrayQuote)
            {
                yield return RawRow.Bad(line, Describe(reason, line, csv.FieldCount));
                continue;
            }

            var extra = Enumerable.Range(header.Count, Math.Max(0, csv.FieldCount - header.Count)).Any(i => csv.GetString(i).Length > 0);
            if (csv.FieldCount < header.Count || extra)
            {
                yield return RawRow.Bad(line,
                    $"It has {csv.FieldCount} field(s), but the header names {header.Count} column(s). Check its commas and quotes.");
                continue;
            }

            var cells = new List<KeyValuePair<string, JsonNode?>>(header.Count);
            for (var i = 0; i < header.Count; i++)
            {
                var value = csv.GetString(i);
                if (value.Length > 0)
                {
                    cells.Add(new(header[i], JsonValue.Create(Unescaped(value))));
                }
            }

            yield return new RawRow(line, cells);
        }

        if (!any)
        {
            throw ImportProblems.NoRows();
        }
    }

    /// <summary>A value without the apostrophe that exports put before text a spreadsheet would run as a formula.</summary>
    private static string Unescaped(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? value[1..] : value;

    /// <summary>The column names; a file whose first row does not name its columns is refused as a whole.</summary>
    private static List<string> Header(IReadOnlyList<string> names)
    {
        // Spreadsheets often end rows with empty cells; unnamed columns at the end are left out.
        var header = names.Select(n => n.Trim()).ToList();
        while (header.Count > 0 && header[^1].Length == 0)
        {
            header.RemoveAt(header.Count - 1);
        }

        if (header.Count == 0)
        {
            throw ImportProblems.Empty();
        }

        var unnamed = header.FindIndex(n => n.Length == 0);
        if (unnamed >= 0)
        {
            throw ImportProblems.File(
                $"The first row is read as the header, but column {unnamed + 1} of it is empty. Start the file with a row that names every column, such as question,expected_output.");
        }

        if (header.FirstOrDefault(n => n.Length > DatasetRules.KeyMaxLength) is { } tooLong)
        {
            throw ImportProblems.File(
                $"The first row is read as the header, but one of its names is {tooLong.Length} characters long ('{tooLong[..30]}…'): is the header row missing? " +
                $"Column names are at most {DatasetRules.KeyMaxLength} characters.");
        }

        var twice = header.Select((name, index) => (name, index)).GroupBy(c => c.name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw ImportProblems.File(
                $"The header names '{twice.Key}' more than once (columns {string.Join(" and ", twice.Select(c => c.index + 1))}). Give every column a name of its own.");
        }

        return header;
    }

    private static string Describe(CsvMalformedReason reason, int line, int fields) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote =>
            $"A quoted value that starts on this line is never closed, so the rest of the file from line {line} on reads as one value. Close the quote (write a quote inside a value as \"\").",
        CsvMalformedReason.TextAfterClosingQuote =>
            "A quoted value is followed by more text before the next comma. Put the whole value inside the quotes, and write a quote inside it as \"\".",
        CsvMalformedReason.FieldCountMismatch => $"It has {fields} field(s), unlike the header.",
        _ => $"Its quoting is broken ({reason}). Write a quote inside a value as \"\" and quote values that hold commas or line breaks.",
    };
}

using CsvHelper;

namespace AiNative.Services.Knowledge.Extraction;

/// <summary>Each row becomes a record "column: value; column: value", so a chunk holds whole rows with their meaning.</summary>
internal sealed class CsvExtractor : IDocumentExtractor
{
    public DocumentFormat Format => DocumentFormat.Csv;

    public ExtractedDocument Extract(Stream content)
    {
        // The separator (',', ';', tab or '|') is detected from the first lines.
        var options = new CsvReaderOptions
        {
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            TrackLineNumbers = true,
        };
        using var csv = CsvReader.FromText(TextDecoding.Decode(content), options);
        var records = new List<string>();
        try
        {
            var header = csv.Headers.Select((name, index) => string.IsNullOrWhiteSpace(name) ? $"column {index + 1}" : name.Trim()).ToList();
            if (header.Count == 0)
            {
                throw new DocumentRejectedException("The CSV file has no header row.");
            }

            while (csv.Read())
            {
                var fields = Enumerable.Range(0, Math.Min(header.Count, csv.FieldCount))
                    .Select(i => (column: header[i], value: csv.GetString(i).Trim()))
                    .Where(f => f.value.Length > 0)
                    .Select(f => $"{f.column}: {f.value}");
                var record = string.Join("; ", fields);
                if (record.Length > 0)
                {
                    records.Add(record);
                }
            }
        }
        catch (CsvFormatException e)
        {
            throw new DocumentRejectedException($"The CSV file is malformed near line {e.LineNumber:N0} (check its quotes).", 400, e);
        }

        return new ExtractedDocument([new ExtractedSection(null, null, records)]);
    }
}

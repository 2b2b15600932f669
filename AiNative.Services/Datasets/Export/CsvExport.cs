using System.Text.Json;
using CsvHelper;

namespace AiNative.Services.Datasets.Export;

/// <summary>
/// CSV: an id column, a column per variable (in order of first use), then expected output, expected sources (a
/// JSON array) and metadata (a JSON object). The variables are found in a first reading, so the header is complete.
/// Text that a spreadsheet would run as a formula is escaped with a leading apostrophe (OWASP's advice), which
/// imports remove again.
/// </summary>
internal static class CsvExport
{
    private const int FlushBytes = 64 * 1024;

    public static async Task WriteAsync(Func<IAsyncEnumerable<DatasetItem>> read, Stream destination, CancellationToken cancellationToken)
    {
        var variables = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var item in read())
        {
            foreach (var (name, _) in ItemJson.Read(item.Input))
            {
                if (seen.Add(name))
                {
                    variables.Add(name);
                }
            }
        }

        // CsvHelper writes to memory, which is copied out asynchronously: a response body (Kestrel) refuses synchronous writes.
        using var buffer = new MemoryStream();
        await using var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        csv.WriteField(ExportColumns.Id);
        foreach (var name in variables)
        {
            csv.WriteField(name);
        }

        csv.WriteField(ExportColumns.ExpectedOutput);
        csv.WriteField(ExportColumns.ExpectedSources);
        csv.WriteField(ExportColumns.Metadata);
        csv.EndRecord();

        await foreach (var item in read())
        {
            var input = ItemJson.Read(item.Input);
            csv.WriteField(item.ItemId.ToString());
            foreach (var name in variables)
            {
                csv.WriteField(ItemJson.AsText(input[name]) ?? string.Empty);
            }

            csv.WriteField(item.ExpectedOutput ?? string.Empty);
            csv.WriteField(item.ExpectedSources.Count > 0 ? JsonSerializer.Serialize(item.ExpectedSources, ItemJson.Options) : string.Empty);
            csv.WriteField(item.Metadata == "{}" ? string.Empty : item.Metadata);
            csv.EndRecord();
            if (buffer.Length >= FlushBytes)
            {
                await DrainAsync(csv, buffer, destination, cancellationToken);
            }
        }

        await DrainAsync(csv, buffer, destination, cancellationToken);
        await destination.FlushAsync(cancellationToken);
    }

    private static async Task DrainAsync(CsvWriter csv, MemoryStream buffer, Stream destination, CancellationToken cancellationToken)
    {
        csv.Flush();
        await destination.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        buffer.SetLength(0);
    }
}

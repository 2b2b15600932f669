using System.Text;
using AiNative.Services.Datasets.Import;
using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Datasets.Export;

/// <summary>
/// Writes a version of a dataset as CSV, JSON Lines or JSON, streaming: items are read in batches and written as
/// they come, so a dataset of any size exports in constant memory. Each format imports back as it was written.
/// </summary>
public sealed class DatasetExporter(DatasetRegistry registry, DatasetItems items)
{
    /// <summary>Checks the dataset and version (the latest when null) before anything is written, and names the file.</summary>
    public async Task<ExportFile> PrepareAsync(Guid datasetId, int? version, ImportFormat format, CancellationToken cancellationToken)
    {
        var dataset = await registry.GetAsync(datasetId, cancellationToken);
        var (number, count) = await items.ResolveVersionAsync(datasetId, version, cancellationToken);
        if (number == 0)
        {
            throw new ValidationFailedException("Version", $"'{dataset.Name}' has no items yet, so there is nothing to export. Add or import items first.");
        }

        var (extension, contentType) = format switch
        {
            ImportFormat.Csv => ("csv", "text/csv; charset=utf-8"),
            ImportFormat.JsonLines => ("jsonl", "application/x-ndjson; charset=utf-8"),
            _ => ("json", "application/json; charset=utf-8"),
        };
        return new ExportFile(datasetId, number, count, format, $"{FileSafe(dataset.Name)}-v{number}.{extension}", contentType);
    }

    /// <summary>Writes the file <see cref="PrepareAsync"/> described to <paramref name="destination"/>, flushing as it goes.</summary>
    public Task WriteAsync(ExportFile file, Stream destination, CancellationToken cancellationToken)
    {
        IAsyncEnumerable<DatasetItem> Read() => items.ReadAllAsync(file.DatasetId, file.Version, cancellationToken);
        return file.Format switch
        {
            ImportFormat.Csv => CsvExport.WriteAsync(Read, destination, cancellationToken),
            ImportFormat.JsonLines => JsonExport.WriteAsync(Read(), destination, asArray: false, cancellationToken),
            _ => JsonExport.WriteAsync(Read(), destination, asArray: true, cancellationToken),
        };
    }

    private static string FileSafe(string name)
    {
        var safe = new StringBuilder();
        foreach (var c in name.Trim())
        {
            safe.Append(char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        return safe.Length == 0 ? "dataset" : safe.ToString();
    }
}

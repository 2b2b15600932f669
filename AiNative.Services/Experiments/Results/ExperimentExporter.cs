using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiNative.Services.Datasets;
using CsvHelper;

namespace AiNative.Services.Experiments.Results;

/// <summary>
/// Writes an experiment's cells with their scores, one line per cell in the dataset's order and the variants', as CSV
/// or JSON Lines, streaming. In CSV each evaluator has a value, a passed and an error column; text a spreadsheet would
/// run as a formula is escaped with a leading apostrophe. A cell's output is untrusted text.
/// </summary>
public sealed class ExperimentExporter(ExperimentResults results)
{
    private const int FlushBytes = 64 * 1024;

    /// <summary>Checks the experiment before anything is written, and names the file.</summary>
    public async Task<ExperimentExportFile> PrepareAsync(Guid experimentId, ExportFormat format, CancellationToken cancellationToken)
    {
        var experiment = await results.FindAsync(experimentId, cancellationToken);
        var (extension, contentType) = format == ExportFormat.Csv ? ("csv", "text/csv; charset=utf-8") : ("jsonl", "application/x-ndjson; charset=utf-8");
        return new ExperimentExportFile(experimentId, format, $"{FileSafe(experiment.Name)}-cells.{extension}", contentType);
    }

    public async Task WriteAsync(ExperimentExportFile file, Stream destination, CancellationToken cancellationToken)
    {
        var experiment = await results.FindAsync(file.ExperimentId, cancellationToken);
        var variants = experiment.Variants.ToDictionary(v => v.Id);
        var evaluators = experiment.Evaluators.Select(e => e.Name).ToList();
        var rows = results.ReadAllAsync(file.ExperimentId, cancellationToken);
        if (file.Format == ExportFormat.Csv)
        {
            await WriteCsvAsync(rows, variants, evaluators, destination, cancellationToken);
        }
        else
        {
            await WriteJsonLinesAsync(rows, variants, destination, cancellationToken);
        }
    }

    private static async Task WriteCsvAsync(
        IAsyncEnumerable<ExperimentRow> rows, Dictionary<Guid, ExperimentVariant> variants, List<string> evaluators, Stream destination, CancellationToken cancellationToken)
    {
        // CsvHelper writes to memory, which is copied out asynchronously: a response body (Kestrel) refuses synchronous writes.
        using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            foreach (var column in Columns(evaluators))
            {
                csv.WriteField(column);
            }

            csv.EndRecord();
            await foreach (var row in rows)
            {
                foreach (var cell in row.Cells)
                {
                    WriteCell(csv, row, cell, variants[cell.VariantId], evaluators);
                    if (buffer.Length >= FlushBytes)
                    {
                        await DrainAsync(csv, buffer, destination, cancellationToken);
                    }
                }
            }

            await DrainAsync(csv, buffer, destination, cancellationToken);
        }

        await destination.FlushAsync(cancellationToken);
    }

    private static IEnumerable<string> Columns(List<string> evaluators) =>
    [
        "item", "item_id", "input", "expected_output", "variant", "baseline", "status", "output", "error",
        "latency_ms", "input_tokens", "output_tokens", "cost_usd", "trace_id",
        .. evaluators.SelectMany(e => new[] { e, $"{e}_passed", $"{e}_error" }),
    ];

    private static void WriteCell(CsvWriter csv, ExperimentRow row, ExperimentCell cell, ExperimentVariant variant, List<string> evaluators)
    {
        csv.WriteField(Number(row.Position));
        csv.WriteField(row.ItemId.ToString());
        csv.WriteField(row.Input ?? string.Empty);
        csv.WriteField(row.ExpectedOutput ?? string.Empty);
        csv.WriteField(variant.Name);
        csv.WriteField(variant.IsBaseline ? "true" : "false");
        csv.WriteField(StatusName(cell.Status));
        csv.WriteField(cell.Output ?? string.Empty);
        csv.WriteField(cell.Error ?? string.Empty);
        csv.WriteField(cell.LatencyMs?.ToString("0.#", CultureInfo.InvariantCulture) ?? string.Empty);
        csv.WriteField(Number(cell.InputTokens));
        csv.WriteField(Number(cell.OutputTokens));
        csv.WriteField(Number(cell.Cost));
        csv.WriteField(cell.TraceId?.ToString() ?? string.Empty);
        foreach (var evaluator in evaluators)
        {
            var result = cell.Evaluations.FirstOrDefault(e => e.Evaluator == evaluator);
            csv.WriteField(result?.Value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty);
            csv.WriteField(result?.Passed is { } passed ? (passed ? "true" : "false") : string.Empty);
            csv.WriteField(result?.Error ?? string.Empty);
        }

        csv.EndRecord();
    }

    private static async Task WriteJsonLinesAsync(
        IAsyncEnumerable<ExperimentRow> rows, Dictionary<Guid, ExperimentVariant> variants, Stream destination, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await foreach (var row in rows)
        {
            foreach (var cell in row.Cells)
            {
                var variant = variants[cell.VariantId];
                var line = new JsonObject
                {
                    ["item"] = row.Position,
                    ["item_id"] = row.ItemId,
                    ["input"] = row.Input is null ? null : ItemJson.Read(row.Input),
                    ["expected_output"] = row.ExpectedOutput,
                    ["variant"] = variant.Name,
                    ["baseline"] = variant.IsBaseline,
                    ["status"] = StatusName(cell.Status),
                    ["output"] = cell.Output,
                    ["error"] = cell.Error,
                    ["latency_ms"] = cell.LatencyMs,
                    ["input_tokens"] = cell.InputTokens,
                    ["output_tokens"] = cell.OutputTokens,
                    ["cost_usd"] = cell.Cost,
                    ["trace_id"] = cell.TraceId,
                    ["scores"] = new JsonArray([.. cell.Evaluations.Select(e => (JsonNode)new JsonObject
                    {
                        ["evaluator"] = e.Evaluator,
                        ["value"] = e.Value,
                        ["passed"] = e.Passed,
                        ["reason"] = e.Reason,
                        ["error"] = e.Error,
                    })]),
                };
                buffer.Write(Encoding.UTF8.GetBytes(line.ToJsonString(ItemJson.Options)));
                buffer.WriteByte((byte)'\n');
                if (buffer.Length >= FlushBytes)
                {
                    await DrainAsync(buffer, destination, cancellationToken);
                }
            }
        }

        await DrainAsync(buffer, destination, cancellationToken);
        await destination.FlushAsync(cancellationToken);
    }

    /// <summary>The state as exports and the API name it: pending, running, succeeded, failed, skipped-by-cap, cancelled.</summary>
    public static string StatusName(CellStatus status) => status switch
    {
        CellStatus.SkippedByCap => "skipped-by-cap",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static async Task DrainAsync(CsvWriter csv, MemoryStream buffer, Stream destination, CancellationToken cancellationToken)
    {
        csv.Flush();
        await DrainAsync(buffer, destination, cancellationToken);
    }

    private static async Task DrainAsync(MemoryStream buffer, Stream destination, CancellationToken cancellationToken)
    {
        await destination.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
        buffer.SetLength(0);
    }

    private static string Number<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    private static string FileSafe(string name)
    {
        var safe = new StringBuilder();
        foreach (var c in name.Trim())
        {
            safe.Append(char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-');
        }

        return safe.Length == 0 ? "experiment" : safe.ToString();
    }
}

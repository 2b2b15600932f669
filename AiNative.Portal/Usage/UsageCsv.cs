using System.Globalization;
using AiNative.Portal.Client.Contracts.Usage;
using CsvHelper;

namespace AiNative.Portal.Usage;

/// <summary>
/// A report as CSV, one line per day and group. Labels are names people typed (keys, prompts, routes), so a
/// spreadsheet formula in one is escaped. A group without any price has an empty cost, never 0.
/// </summary>
internal static class UsageCsv
{
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    public static async Task WriteAsync(UsageReportDto report, Stream destination, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        await csv.WriteRecordAsync(
        [
            "day", report.Query.GroupBy.ToString().ToLowerInvariant(), "requests", "errors", "input_tokens", "output_tokens", "cost_usd",
            "requests_without_price", "cache_hits", "cache_savings_usd", "latency_p50_ms", "latency_p95_ms",
        ], cancellationToken);
        foreach (var day in report.Days)
        {
            var f = day.Figures;
            await csv.WriteRecordAsync(
            [
                day.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day.Group, Number(f.Requests), Number(f.Errors), Number(f.InputTokens),
                Number(f.OutputTokens), f.PriceNotConfigured ? string.Empty : Number(f.Cost), Number(f.UnpricedRequests), Number(f.CacheHits),
                Number(f.CacheSavings), f.LatencyP50Ms?.ToString("0.#", CultureInfo.InvariantCulture) ?? string.Empty,
                f.LatencyP95Ms?.ToString("0.#", CultureInfo.InvariantCulture) ?? string.Empty,
            ], cancellationToken);
        }
    }

    private static string Number<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);
}

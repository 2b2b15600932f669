using System.Diagnostics;
using AiNative.Bench.Knowledge;

namespace AiNative.Bench.Http;

/// <summary>
/// A closed-loop load: <c>clients</c> loops each send one request, read the whole answer and send
/// the next, for a warm-up and then a measured period. Only answers that end inside the measured
/// period count, so requests/s is completions per second at that concurrency.
/// </summary>
public static class HttpLoad
{
    public static async Task<HttpLoadResult> RunAsync(
        HttpClient http, Func<HttpRequestMessage> request, int clients, TimeSpan warmUp, TimeSpan measured)
    {
        var started = Stopwatch.GetTimestamp();
        var measureFrom = started + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var measureUntil = measureFrom + (long)(measured.TotalSeconds * Stopwatch.Frequency);
        var loops = Enumerable.Range(0, clients).Select(_ => Task.Run(() => LoopAsync(http, request, measureFrom, measureUntil))).ToList();
        var results = await Task.WhenAll(loops);
        var latencies = results.SelectMany(r => r.Latencies).ToList();
        return new HttpLoadResult(
            clients,
            latencies.Count / measured.TotalSeconds,
            latencies.Count == 0 ? new LatencyStats(double.NaN, double.NaN) : LatencyStats.Of(latencies),
            latencies.Count == 0 ? 0 : results.Sum(r => r.Bytes) / latencies.Count,
            results.Sum(r => r.Failures),
            results.Select(r => r.FirstFailure).FirstOrDefault(f => f is not null))
        {
            Answered = results.Sum(r => r.Answered),
        };
    }

    private static async Task<LoopResult> LoopAsync(HttpClient http, Func<HttpRequestMessage> request, long measureFrom, long measureUntil)
    {
        var latencies = new List<double>(capacity: 64 * 1024);
        var failures = 0;
        long bytes = 0;
        string? firstFailure = null;
        long answered = 0;
        while (true)
        {
            var sent = Stopwatch.GetTimestamp();
            if (sent >= measureUntil)
            {
                break;
            }

            using var message = request();
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            var done = Stopwatch.GetTimestamp();
            answered++;
            if (done < measureFrom || done > measureUntil)
            {
                continue;
            }

            if (response.IsSuccessStatusCode)
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent, done).TotalMilliseconds);
                bytes += body.Length;
            }
            else
            {
                failures++;
                firstFailure ??= $"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}";
            }
        }

        return new LoopResult(latencies, bytes, failures, firstFailure, answered);
    }

    private sealed record LoopResult(List<double> Latencies, long Bytes, int Failures, string? FirstFailure, long Answered);
}

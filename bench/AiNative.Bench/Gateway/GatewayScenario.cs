using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AiNative.Bench.Http;
using AiNative.Bench.Knowledge;

namespace AiNative.Bench.Gateway;

/// <summary>
/// The gateway's added cost, side by side in one run: the same chat completion sent straight to a loopback
/// mock provider and through the portal's <c>/v1</c> (a process of its own, Production settings, a route to
/// the mock, a key without limits). Latency at 1 client, throughput at many, time to first token streamed,
/// and the portal's memory and log rows over a longer constant load. Each load runs against a mock that
/// answers at once and against mocks that answer after a model-like delay (<paramref name="delays"/>): with
/// no delay, on a machine of few cores, direct is bound by the mock's own processor time, which the gateway
/// needs too; with a delay, throughput is what applications meet.
/// Each load warms up for <c>--warmup</c> seconds (10) before it is measured: tiered compilation, the thread pool and the connection
/// pools of a busy 2-core machine take longer than 2 s to settle, and shorter warm-ups measured a portal still getting faster.
/// Run: <c>dotnet run -c Release --project bench/AiNative.Bench -- gateway-scenario [--clients 1,64] [--seconds 10] [--warmup 10] [--streams 500] [--delays 0,50,200] [--soak-minutes 0]</c>
/// (<c>AINATIVE_BENCH_PORTAL</c> names another build's <c>AiNative.Portal.dll</c>, to measure a change against the build before it side by side).
/// </summary>
public static class GatewayScenario
{
    private const string Route = "bench";

    public static async Task RunAsync(IReadOnlyList<int> clients, TimeSpan warmUp, TimeSpan measured, int streams, IReadOnlyList<int> delays, TimeSpan soak)
    {
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {HttpScenario.CpuModel()}, {Environment.OSVersion}, .NET {Environment.Version}");
        Console.WriteLine($"The mock provider, the portal and the client share this machine's cores; each load warms up for {warmUp.TotalSeconds:0} s first.");
        await using var mock = await MockProvider.StartAsync();

        // Without the demo experiment, and measured once the seeded handbook is ingested: neither is gateway work.
        await using var portal = await PortalProcess.StartAsync(TimeSpan.FromMinutes(1), new Dictionary<string, string> { ["Portal:Experiments:SeedDemoExperiment"] = "false" });
        // The instant mock is always arranged: time to first token and the soak use it, whatever --delays says.
        var key = await ArrangeAsync(portal.Address, mock.BaseUrl, [.. delays.Union([0])]);
        using var direct = Client(new Uri(mock.BaseUrl.GetLeftPart(UriPartial.Authority)), "mock", clients.Max());
        using var gateway = Client(portal.Address, key, clients.Max());

        foreach (var delay in delays)
        {
            Console.WriteLine(delay == 0 ? "The mock answers at once:" : $"The mock answers after {delay} ms (a stream's first token after {delay} ms):");
            foreach (var count in clients)
            {
                await CompareAsync(portal, direct, gateway, delay, stream: false, count, warmUp, measured);
            }

            await CompareAsync(portal, direct, gateway, delay, stream: true, clients.Max(), warmUp, measured);
        }

        // --streams 0 leaves the time to first token out.
        if (streams > 0)
        {
            var firstDirect = await FirstTokensAsync(direct, MockProvider.Model, streams);
            var firstGateway = await FirstTokensAsync(gateway, Route, streams);
            Console.WriteLine($"time to first token, {streams} streams one after another: direct {firstDirect}, gateway {firstGateway}; " +
                $"added median {firstGateway.MedianMs - firstDirect.MedianMs:0.000} ms");
        }

        if (soak > TimeSpan.Zero)
        {
            await SoakAsync(portal, gateway, clients.Max(), soak);
        }
    }

    /// <summary>The same load straight to the mock, then through the gateway, and what the gateway added.</summary>
    private static async Task CompareAsync(
        PortalProcess portal, HttpClient direct, HttpClient gateway, int delay, bool stream, int clients, TimeSpan warmUp, TimeSpan measured)
    {
        var straight = await HttpLoad.RunAsync(direct, () => Chat(MockProvider.ModelAfter(delay), stream), clients, warmUp, measured);
        var cpuBefore = portal.ProcessorTime;
        var through = await HttpLoad.RunAsync(gateway, () => Chat(RouteAfter(delay), stream), clients, warmUp, measured);
        var cpuPerRequest = (portal.ProcessorTime - cpuBefore).TotalMilliseconds / Math.Max(1, through.Answered);
        var kind = stream ? ", streamed" : string.Empty;
        Console.WriteLine($"direct to the mock   {straight}{kind}");
        Console.WriteLine($"through the gateway  {through}{kind}");
        Console.WriteLine($"  added: median {through.Latency.MedianMs - straight.Latency.MedianMs:0.000} ms, p99 {through.Latency.P99Ms - straight.Latency.P99Ms:0.000} ms; " +
            $"throughput {through.RequestsPerSecond / straight.RequestsPerSecond:P0} of direct");

        // Processor time is what other load on the machine does not change much: the figure to compare between builds.
        Console.WriteLine($"  the portal's processor time: {cpuPerRequest:0.000} ms per request ({through.Answered:N0} requests, warm-up included); machine load {LoadAverage()}");
    }

    /// <summary>The 1-minute load average (other work on the machine), or nothing where /proc does not say.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static string RouteAfter(int delay) => delay == 0 ? Route : $"{Route}-after-{delay}ms";

    /// <summary>A constant load for <paramref name="length"/>: the portal's memory each minute, then every request sent against the log rows saved.</summary>
    private static async Task SoakAsync(PortalProcess portal, HttpClient gateway, int clients, TimeSpan length)
    {
        var before = await GatewayTracesAsync(portal);
        var sent = 0L;
        var until = Stopwatch.GetTimestamp() + (long)(length.TotalSeconds * Stopwatch.Frequency);
        var loops = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                using var response = await gateway.SendAsync(Chat(Route, stream: false));
                response.EnsureSuccessStatusCode();
                Interlocked.Increment(ref sent);
            }
        })).ToList();
        var minute = 0;
        while (loops.Any(l => !l.IsCompleted))
        {
            await Task.WhenAny(Task.WhenAll(loops), Task.Delay(TimeSpan.FromMinutes(1)));
            Console.WriteLine($"soak minute {++minute}: {Interlocked.Read(ref sent):N0} requests, portal resident {portal.ResidentMiB:N0} MiB");
        }

        await Task.WhenAll(loops);

        // The writer saves in batches off the request path; give it the moment it needs to drain.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var logged = await GatewayTracesAsync(portal) - before;
        Console.WriteLine($"soak: {sent:N0} requests sent, {logged:N0} gateway traces saved, {sent - logged:N0} lost");
    }

    private static async Task<LatencyStats> FirstTokensAsync(HttpClient http, string model, int streams)
    {
        var times = new List<double>(streams);
        for (var i = 0; i < streams + 20; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(Chat(model, stream: true), HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            string? line;
            var first = 0.0;
            while ((line = await reader.ReadLineAsync()) is not null)
            {
                if (first == 0 && line.Contains("\"content\":\"", StringComparison.Ordinal) && !line.Contains("\"content\":\"\"", StringComparison.Ordinal))
                {
                    first = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                }
            }

            // The first 20 warm up connections and code paths.
            if (i >= 20)
            {
                times.Add(first);
            }
        }

        return LatencyStats.Of(times);
    }

    private static HttpRequestMessage Chat(string model, bool stream) => new(HttpMethod.Post, "/v1/chat/completions")
    {
        Content = new StringContent(
            $$"""{"model":"{{model}}","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"Where is my parcel? It was ordered on Monday."}]}""",
            Encoding.UTF8, "application/json"),
    };

    private static HttpClient Client(Uri address, string key, int connections)
    {
        var http = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            MaxConnectionsPerServer = connections,
        })
        {
            BaseAddress = address,
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    /// <summary>
    /// Registers the mock as a provider with a model and a route per delay and a key without limits, through the portal's API, and waits until
    /// the portal's own start-up work is done; answers the key.
    /// </summary>
    private static async Task<string> ArrangeAsync(Uri portal, Uri mock, IReadOnlyList<int> delays)
    {
        using var browser = await PortalBrowser.SignInAsync(portal);
        var teamId = await TeamIdAsync(browser);
        await HttpScenario.HandbookIngestedAsync(browser, teamId);
        var team = $"/api/teams/{teamId}";
        var provider = await PostAsync(browser, $"{team}/providers", new { name = "Mock", kind = "OpenAICompatible", baseUrl = mock.ToString(), apiKey = "mock", timeoutSeconds = 30 });
        foreach (var delay in delays)
        {
            var model = await PostAsync(browser, $"{team}/models", new
            {
                providerId = provider["id"]!.GetValue<Guid>(),
                name = MockProvider.ModelAfter(delay),
                providerModelId = MockProvider.ModelAfter(delay),
                kind = "Chat",
                contextWindow = 128_000,
                maxOutputTokens = 4_096,
                inputPricePerMillion = 0.15m,
                outputPricePerMillion = 0.6m,
            });
            await PostAsync(browser, $"{team}/gateway/routes", new { name = RouteAfter(delay), targets = new[] { new { modelId = model["id"]!.GetValue<Guid>(), weight = 1 } } });
        }

        var key = await PostAsync(browser, $"{team}/gateway/keys", new { name = "bench" });
        return key["secret"]!.GetValue<string>();
    }

    private static async Task<Guid> TeamIdAsync(HttpClient browser) =>
        (await browser.GetFromJsonAsync<JsonObject>("/api/session"))?["currentTeam"]?["id"]?.GetValue<Guid>()
        ?? throw new InvalidOperationException("The administrator has no current team.");

    /// <summary>Gateway traces in the portal's database, counted there: the trace list's total stops counting at a bound.</summary>
    private static async Task<long> GatewayTracesAsync(PortalProcess portal)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={portal.DatabasePath};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM Traces WHERE Source = 'Gateway'";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static async Task<JsonObject> PostAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        return response.IsSuccessStatusCode
            ? (await response.Content.ReadFromJsonAsync<JsonObject>())!
            : throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}

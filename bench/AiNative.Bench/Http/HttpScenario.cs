using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AiNative.Bench.Http;

/// <summary>
/// The portal's HTTP cost as an API client sees it: the built portal runs as its own process on
/// 127.0.0.1 with a fresh data folder; the bench signs in through the login form, creates a
/// personal access token, and loads a token-authenticated endpoint with concurrent loops.
/// Targets: <c>session</c> (<c>GET /api/session</c>) and <c>search</c> (a hybrid search of the
/// demo team's seeded "Portal handbook" base). Client and portal share this machine's cores.
/// Run: <c>dotnet run -c Release --project bench/AiNative.Bench -- http-scenario [session] [search] [--clients 1,8] [--seconds 10] [--warmup 2] [--postgres &lt;connection string&gt;]</c>
/// (<c>bench/with-postgres.sh</c> starts a throw-away PostgreSQL and passes it).
/// </summary>
public static class HttpScenario
{
    private const string HandbookBase = "Portal handbook";

    private static readonly string[] Queries =
    [
        "How are prompt versions labelled?",
        "upload documents to a knowledge base",
        "personal access tokens for the API",
        "which models does the playground offer",
    ];

    /// <summary>
    /// Runs the loads on SQLite, then, given <paramref name="postgres"/> (a connection string to an empty
    /// database), the same loads on PostgreSQL, so the two are measured side by side in one run.
    /// </summary>
    public static async Task RunAsync(IReadOnlyList<string> targets, IReadOnlyList<int> clients, TimeSpan warmUp, TimeSpan measured, string? postgres)
    {
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {CpuModel()}, {Environment.OSVersion}, .NET {Environment.Version}");
        Console.WriteLine($"Each load: {warmUp.TotalSeconds:0} s warm-up, then {measured.TotalSeconds:0} s measured; the portal and the client share the machine.");
        await RunOnAsync("SQLite in a fresh folder", new Dictionary<string, string>(), targets, clients, warmUp, measured);
        if (postgres is not null)
        {
            await RunOnAsync("PostgreSQL", new Dictionary<string, string>
            {
                ["Portal:Storage:Provider"] = "PostgreSQL",
                ["Portal:Storage:ConnectionString"] = postgres,
            }, targets, clients, warmUp, measured);
        }
    }

    private static async Task RunOnAsync(
        string database, IReadOnlyDictionary<string, string> settings, IReadOnlyList<string> targets, IReadOnlyList<int> clients, TimeSpan warmUp, TimeSpan measured)
    {
        await using var portal = await PortalProcess.StartAsync(TimeSpan.FromMinutes(1), settings);
        Console.WriteLine($"Portal: {portal.Address} (a process of its own, Production settings, {database})");

        var token = await CreateAccessTokenAsync(portal.Address);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            MaxConnectionsPerServer = clients.Max(),
        })
        {
            BaseAddress = portal.Address,
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var session = await http.GetFromJsonAsync<JsonObject>("/api/session") ?? throw new InvalidOperationException("No session.");
        var teamId = session["currentTeam"]?["id"]?.GetValue<Guid>() ?? throw new InvalidOperationException("The administrator has no current team.");

        foreach (var target in targets)
        {
            Func<HttpRequestMessage> request = target switch
            {
                "session" => () => new HttpRequestMessage(HttpMethod.Get, "/api/session"),
                "search" => await SearchRequestAsync(http, teamId),
                _ => throw new ArgumentException($"Unknown target '{target}': use session or search."),
            };
            foreach (var count in clients)
            {
                var result = await HttpLoad.RunAsync(http, request, count, warmUp, measured);
                Console.WriteLine($"{Describe(target),-34} {result}");
            }
        }
    }

    private static string Describe(string target) => target switch
    {
        "session" => "GET /api/session (token)",
        _ => "POST …/knowledge/search (token)",
    };

    /// <summary>Creates a token as a person would on the tokens page, signed in through the login form.</summary>
    internal static async Task<string> CreateAccessTokenAsync(Uri address)
    {
        using var browser = await PortalBrowser.SignInAsync(address);
        using var created = await browser.PostAsJsonAsync("/api/account/tokens", new { name = "bench", lifetimeDays = 7 });
        created.EnsureSuccessStatusCode();
        var body = await created.Content.ReadFromJsonAsync<JsonObject>();
        return body?["secret"]?.GetValue<string>() ?? throw new InvalidOperationException("The new token has no secret.");
    }

    /// <summary>Waits until the seeded handbook is ingested, then searches it with a few queries in turn.</summary>
    private static async Task<Func<HttpRequestMessage>> SearchRequestAsync(HttpClient http, Guid teamId)
    {
        var handbook = await HandbookIngestedAsync(http, teamId);
        Console.WriteLine($"Search base: '{HandbookBase}', {handbook["documentCount"]} documents, {handbook["chunkCount"]} chunks, hybrid mode, top 5");

        var next = -1;
        var path = $"/api/teams/{teamId}/knowledge/search";
        return () => new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = JsonContent.Create(new { index = HandbookBase, query = Queries[(uint)Interlocked.Increment(ref next) % Queries.Length], limit = 5 }),
        };
    }

    /// <summary>
    /// Waits until the demo team's seeded handbook is ingested: until then the portal spends its cores on ingestion,
    /// which would be measured along with the load.
    /// </summary>
    internal static async Task<JsonNode> HandbookIngestedAsync(HttpClient http, Guid teamId)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var bases = await http.GetFromJsonAsync<JsonArray>($"/api/teams/{teamId}/knowledge/indexes") ?? [];
            var handbook = bases.FirstOrDefault(b => b?["name"]?.GetValue<string>() == HandbookBase)
                ?? throw new InvalidOperationException($"The demo team has no '{HandbookBase}' base.");
            var documents = handbook["documentCount"]!.GetValue<int>();
            var settled = handbook["readyCount"]!.GetValue<int>() + handbook["failedCount"]!.GetValue<int>();
            if (documents > 0 && settled == documents)
            {
                return handbook;
            }

            if (waited.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"The '{HandbookBase}' base was not ingested within two minutes.");
            }

            await Task.Delay(200);
        }
    }

    internal static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        var line = File.Exists(cpuInfo) ? File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?.Split(':', 2)[1].Trim() ?? "unknown CPU";
    }
}

using System.Diagnostics;
using System.Net;
using System.Text;
using AiNative.Portal.Client;
using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Portal.Client.Contracts.Models;
using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Portal.Client.Contracts.Session;
using AiNative.Portal.Client.Http;
using AiNative.Portal.Components.Pages.Models;
using AiNative.Services.Platform.Storage;
using AiNative.Services.Prompts;
using AiNative.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AiNative.Portal.Tests.Platform;

/// <summary>
/// Two portal processes on one PostgreSQL database and one shared blob folder: replicas behind a
/// load balancer. Always on PostgreSQL, whichever database the rest of the run uses.
/// </summary>
public sealed class ScaleOutTests : IAsyncLifetime
{
    private const string AdminEmail = "ops@example.com";
    private const string Password = "correct horse battery";

    private readonly SharedTestDatabase _database = new(DatabaseProvider.PostgreSQL);
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "ainative-tests", Guid.NewGuid().ToString("N"));

    // One browser: a session cookie made by one replica is sent to the other (cookies ignore the port).
    private readonly CookieContainer _cookies = new();
    private readonly List<IAsyncDisposable> _owned = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        _database.Dispose();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    [Fact]
    public async Task Documents_jobs_sessions_model_changes_labels_and_sign_in_limits_are_shared_by_two_replicas()
    {
        // A serves requests only; B also runs jobs: whatever A queues, B does.
        var a = await StartReplicaAsync(workers: 0);
        var b = await StartReplicaAsync(workers: 2);
        var apiA = await SignInAsync(a);
        var apiB = await ApisAsync(b);

        await apiA.Knowledge.CreateBaseAsync(new SaveKnowledgeBaseRequest("Harbour", null, null, null), Cancel);
        var question = new SearchRequestDto("Harbour", "when does the Glimmerwick tide turn", SearchModeDto.Vector);

        // Both replicas load the base's (empty) vectors before the document arrives, so finding it later
        // needs each to follow the database, not a first load.
        Assert.Empty((await apiA.Knowledge.SearchAsync(question, Cancel)).Results);
        Assert.Empty((await apiB.Knowledge.SearchAsync(question, Cancel)).Results);
        var upload = await apiA.Knowledge.UploadAsync(
            "Harbour", [new UploadFileDto("tides.md", Text("# Tides\n\nAt Glimmerwick harbour the tide turns every six hours and twelve minutes."))], cancellationToken: Cancel);
        var tides = upload.Files.Single().DocumentId!.Value;
        var ready = await WaitForAsync(() => apiA.Knowledge.GetDocumentAsync("Harbour", tides, Cancel), d => d.Status is DocumentStatusDto.Ready or DocumentStatusDto.Failed);
        var fromB = await WaitForAsync(() => apiB.Knowledge.SearchAsync(question, Cancel), r => r.Results.Count > 0);
        var fromA = await WaitForAsync(() => apiA.Knowledge.SearchAsync(question, Cancel), r => r.Results.Count > 0);

        Assert.Equal(DocumentStatusDto.Ready, ready.Status);
        Assert.Equal("tides.md", fromB.Results[0].SourceName);
        Assert.Equal("tides.md", fromA.Results[0].SourceName);

        // B caches the chat model with its price; A changes the price; B's next answers cost the new price.
        var free = await apiB.Knowledge.AskAsync(new AskRequestDto("Harbour", "When does the tide turn?"), Cancel);
        var chat = (await apiA.Models.ListModelsAsync(ModelKindDto.Chat, Cancel)).Single(m => m.Name == free.ModelName);
        var repriced = ModelForm.For(chat, chat.ProviderId);
        (repriced.InputPricePerMillion, repriced.OutputPricePerMillion) = (1_000m, 1_000m);
        await apiA.Models.UpdateModelAsync(chat.Id, repriced.ToRequest(), Cancel);
        var priced = await WaitForAsync(() => apiB.Knowledge.AskAsync(new AskRequestDto("Harbour", "When does the tide turn?"), Cancel), answer => answer.Cost > 0);

        Assert.Equal(0m, free.Cost);
        Assert.Equal((priced.InputTokens + priced.OutputTokens) * 1_000m / 1_000_000m, priced.Cost);

        // A prompt label moved on A is where B finds it next.
        var prompt = (await apiA.Prompts.ListAsync(Cancel)).Single(p => p.Name == "Support answer"); // the seeded demo prompt, with two versions
        var before = (await apiB.Prompts.GetAsync(prompt.Id, Cancel)).Labels.Single(l => l.Name == LabelNames.Production).Version;
        await apiA.Prompts.MoveLabelAsync(prompt.Id, LabelNames.Production, new MoveLabelRequest(before == 1 ? 2 : 1), Cancel);
        Assert.Equal(before == 1 ? 2 : 1, (await apiB.Prompts.GetAsync(prompt.Id, Cancel)).Labels.Single(l => l.Name == LabelNames.Production).Version);

        // Sign-in attempts are counted once for both replicas: the sign-in on A was the first of five.
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add(await WrongPasswordAsync(i % 2 == 0 ? b : a));
        }

        Assert.Equal(4, answers.Count(status => status != HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
    }

    [Fact]
    public async Task A_replica_killed_during_ingestion_leaves_its_job_to_the_other_with_no_chunk_lost_or_doubled()
    {
        var a = await StartReplicaAsync(workers: 1);
        var apiA = await SignInAsync(a);
        await apiA.Knowledge.CreateBaseAsync(new SaveKnowledgeBaseRequest("Archive", null, null, new PartitioningDto(60, 10, SplitterDto.Markdown)), Cancel);
        var upload = await apiA.Knowledge.UploadAsync("Archive", [new UploadFileDto("ledger.md", Text(Ledger(4_000)))], cancellationToken: Cancel);
        var ledger = upload.Files.Single().DocumentId!.Value;
        await WaitForAsync(() => apiA.Knowledge.GetDocumentAsync("Archive", ledger, Cancel), d => d.Status == DocumentStatusDto.Processing && d.Step == "embed");

        await a.Process.KillAsync();
        var b = await StartReplicaAsync(workers: 1);
        var apiB = await ApisAsync(b);
        var done = await WaitForAsync(() => apiB.Knowledge.GetDocumentAsync("Archive", ledger, Cancel), d => d.Status is DocumentStatusDto.Ready or DocumentStatusDto.Failed);

        Assert.Equal(DocumentStatusDto.Ready, done.Status);
        var (chunks, ordinals, first, last, withVectors) = await ChunkFactsAsync(ledger);
        Assert.Equal(done.ChunkCount, chunks);
        Assert.Equal((chunks, 0, chunks - 1), (ordinals, first, last));
        Assert.Equal(chunks, withVectors);
        var found = await apiB.Knowledge.SearchAsync(new SearchRequestDto("Archive", "entry 3999 of the harbour ledger"), Cancel);
        Assert.Contains("Entry 3999 of the harbour ledger", found.Results[0].Text, StringComparison.Ordinal);
    }

    private sealed record Replica(PortalProcess Process, HttpClient Client);

    private sealed record Apis(IKnowledgeApi Knowledge, IModelsApi Models, IPromptsApi Prompts);

    private async Task<Replica> StartReplicaAsync(int workers)
    {
        var process = await PortalProcess.StartAsync(new Dictionary<string, string?>(_database.Settings)
        {
            ["Portal:Storage:DataFolder"] = _dataFolder,
            ["Portal:Setup:AdministratorEmail"] = AdminEmail,
            ["Portal:Setup:AdministratorPassword"] = Password,
            ["Portal:Setup:AdministratorName"] = "Ops",
            ["Portal:Jobs:Workers"] = workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // A killed replica's job is taken over once its lease runs out.
            ["Portal:Jobs:LeaseDuration"] = "00:00:05",
            // Chunks are written as ingestion goes, as for a remote embedder, so the kill comes with some of them saved.
            ["Portal:Knowledge:MaxHeldLocallyEmbeddedChunks"] = "0",
            // A day's window: the attempts of one test never straddle two windows (but at midnight).
            ["Portal:Authentication:SignInLimit:PermitLimit"] = "5",
            ["Portal:Authentication:SignInLimit:Window"] = "1.00:00:00",
        }, Cancel);
        _owned.Add(process);
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = _cookies }) { BaseAddress = process.Address };
        return new Replica(process, client);
    }

    private async Task<Apis> SignInAsync(Replica replica)
    {
        await PortalFactory.SignInAsync(replica.Client, AdminEmail, Password);
        return await ApisAsync(replica);
    }

    private async Task<Apis> ApisAsync(Replica replica)
    {
        if (!replica.Client.DefaultRequestHeaders.Contains(PortalApiClient.ClientHeader))
        {
            replica.Client.DefaultRequestHeaders.Add(PortalApiClient.ClientHeader, "test");
        }

        var services = new ServiceCollection();
        services.AddHttpApis(replica.Process.Address);
        services.AddScoped(_ => replica.Client);
        var provider = services.BuildServiceProvider();
        _owned.Add(provider);
        var scope = provider.CreateScope();
        var session = await scope.ServiceProvider.GetRequiredService<ISessionApi>().GetAsync(Cancel);
        scope.ServiceProvider.GetRequiredService<CurrentTeam>().Set(session.CurrentTeam!.Id);
        return new Apis(
            scope.ServiceProvider.GetRequiredService<IKnowledgeApi>(),
            scope.ServiceProvider.GetRequiredService<IModelsApi>(),
            scope.ServiceProvider.GetRequiredService<IPromptsApi>());
    }

    /// <summary>A sign-in with a wrong password from a browser of its own, as a guesser would make; its answer's status.</summary>
    private static async Task<HttpStatusCode> WrongPasswordAsync(Replica replica)
    {
        using var guesser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = replica.Process.Address };
        var form = await guesser.GetStringAsync("/account/login", Cancel);
        using var response = await guesser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = PortalFactory.AntiforgeryToken(form),
            ["Input.Email"] = AdminEmail,
            ["Input.Password"] = "not the password",
        }), Cancel);
        return response.StatusCode;
    }

    private async Task<(long Chunks, long Ordinals, int First, int Last, long WithVectors)> ChunkFactsAsync(Guid document)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*), count(DISTINCT "Ordinal"), min("Ordinal"), max("Ordinal"), count("Vector")
            FROM "KnowledgeChunks" WHERE "DocumentId" = $1 AND "Searchable"
            """, connection) { Parameters = { new() { Value = document } } };
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        await reader.ReadAsync(Cancel);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt64(4));
    }

    /// <summary>Calls <paramref name="read"/> until <paramref name="done"/> holds, for up to three minutes (a busy machine is slow, never wrong).</summary>
    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var value = await Poll.UntilAsync(read, done, TimeSpan.FromMinutes(3));
        Assert.True(done(value), $"Still not there after three minutes: {value}");
        return value;
    }

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>A long document of numbered entries, so every chunk is different and the last one is easy to find.</summary>
    private static string Ledger(int entries) =>
        "# Harbour ledger\n\n" + string.Join("\n\n", Enumerable.Range(0, entries).Select(i =>
            $"Entry {i} of the harbour ledger: the boat number {i} unloaded {i % 97} crates of salt and {i % 13} barrels at dawn."));
}

using AiNative.Services;
using AiNative.Services.Data;
using AiNative.Services.Models;
using AiNative.Services.Models.Invocation;
using AiNative.Services.Models.Offline;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiNative.Bench.Models;

/// <summary>
/// What the one call path adds to a model call: the model lookup, checks, token counting,
/// telemetry and the call record on SQLite, measured on the offline chat model, whose own work is small.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class InvocationOverheadBenchmarks
{
    private static readonly ChatMessage[] Messages =
    [
        new(ChatRole.System,
            "Answer from the context. Context: The portal keeps prompts as versioned templates with labels such as production and staging. " +
            "Knowledge bases are partitioned by headings and paragraphs, embedded, and searched with hybrid retrieval. " +
            "Every model call is recorded with its tokens, latency and cost."),
        new(ChatRole.User, "How are prompts kept?"),
    ];

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "ainative-bench", Guid.NewGuid().ToString("N"));
    private IHost _host = null!;
    private AsyncServiceScope _scope;
    private ModelInvoker _invoker = null!;
    private OfflineChatClient _direct = null!;
    private Guid _modelId;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        // The services as the portal runs them, on a fresh data folder (as tests/AiNative.Testing/ServicesHost does).
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark" });
        builder.Configuration["Portal:Storage:DataFolder"] = _dataFolder;
        builder.Logging.ClearProviders();
        builder.Services.AddPortalServices(builder.Configuration);
        _host = builder.Build();
        await _host.StartAsync();

        _scope = _host.Services.CreateAsyncScope();
        var services = _scope.ServiceProvider;
        await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var demo = await db.Teams.SingleAsync(t => t.Slug == DemoTeam.Slug);
            services.GetRequiredService<TeamContext>().Enter(new TeamAccess(demo.Id, demo.Name, TeamRole.Viewer, new Actor(null, "Benchmark")));
            _modelId = await db.Models.Where(m => m.ProviderModelId == OfflineModels.ChatModelId).Select(m => m.Id).SingleAsync();
        }

        _invoker = services.GetRequiredService<ModelInvoker>();
        _direct = new OfflineChatClient(OfflineModels.ChatModelId, services.GetRequiredService<TokenCounter>());
    }

    [Benchmark(Baseline = true)]
    public async Task<string> Direct() => (await _direct.GetResponseAsync(Messages)).Text;

    [Benchmark]
    public async Task<string> Invoker() =>
        (await _invoker.InvokeAsync(
            new ChatInvocation { ModelId = _modelId, Messages = Messages, Source = TraceSource.Playground },
            CancellationToken.None)).Text;

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _scope.DisposeAsync();
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }
}

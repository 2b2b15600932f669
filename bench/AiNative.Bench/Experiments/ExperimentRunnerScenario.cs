using System.Diagnostics;
using System.Globalization;
using System.Text;
using AiNative.Bench.Gateway;
using AiNative.Services;
using AiNative.Services.Data;
using AiNative.Services.Datasets;
using AiNative.Services.Datasets.Import;
using AiNative.Services.Experiments;
using AiNative.Services.Experiments.Planning;
using AiNative.Services.Models;
using AiNative.Services.Models.Pipeline;
using AiNative.Services.Platform.Secrets;
using AiNative.Services.Prompts;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiNative.Bench.Experiments;

/// <summary>
/// The experiment runner's throughput (issue 9): two variants over half as many items as cells, against a loopback
/// OpenAI-compatible provider that answers each call after a fixed delay, with a fixed number of cells in flight per
/// provider. The ideal is concurrency ÷ delay cells per second; the gap is the runner's own cost (claims, traces,
/// results) on SQLite.
/// </summary>
public static class ExperimentRunnerScenario
{
    public static async Task RunAsync(int cells, int concurrency, TimeSpan delay)
    {
        await using var provider = await MockProvider.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "ainative-bench", "experiments", Guid.NewGuid().ToString("N"));
        var host = await StartAsync(folder, concurrency);
        try
        {
            await using var scope = host.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
            await using (var db = await factory.CreateDbContextAsync())
            {
                var teamId = await db.Teams.Where(t => t.Slug == DemoTeam.Slug).Select(t => t.Id).SingleAsync();
                services.GetRequiredService<TeamContext>().Enter(new TeamAccess(teamId, DemoTeam.Name, TeamRole.Owner, new Actor(null, "Benchmark")));
            }

            var input = await ArrangeAsync(services, factory, provider.BaseUrl, MockProvider.ModelAfter((int)delay.TotalMilliseconds), cells / 2);
            var experiment = await services.GetRequiredService<ExperimentRegistry>().CreateAsync(input, CancellationToken.None);
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; SQLite; {input.Variants.Count * (cells / 2):N0} cells, "
                + $"{concurrency} in flight, provider answers in {delay.TotalMilliseconds:N0} ms (ideal {concurrency / delay.TotalSeconds:N0} cells/s)");
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await services.GetRequiredService<ExperimentRegistry>().StartAsync(experiment.Id, CancellationToken.None);
            var done = await WaitUntilDoneAsync(factory, experiment.Id);
            var elapsed = clock.Elapsed;
            var cpuPerCell = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Math.Max(1, done.SucceededCount + done.FailedCount);
            Console.WriteLine($"  {done.Status}: {done.SucceededCount:N0} succeeded, {done.FailedCount:N0} failed in {elapsed.TotalSeconds:0.0} s: "
                + $"{done.SucceededCount / elapsed.TotalSeconds:N1} cells/s, {done.SucceededCount / elapsed.TotalSeconds / (concurrency / delay.TotalSeconds):P0} of the ideal; "
                + $"{cpuPerCell:N1} ms of CPU per cell (runner, traces and the loopback provider, all in this process)");
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A model on the loopback provider, a prompt with two versions on it, and a dataset of questions.</summary>
    private static async Task<ExperimentInput> ArrangeAsync(IServiceProvider services, IDbContextFactory<PortalDbContext> factory, Uri baseUrl, string modelName, int items)
    {
        var model = new ModelDefinition
        {
            Provider = new ModelProvider
            {
                Name = "Loopback", Kind = ProviderKind.OpenAICompatible, BaseUrl = baseUrl.ToString(),
                ProtectedApiKey = services.GetRequiredService<SecretProtector>().Protect("bench-key"), ApiKeyHint = SecretProtector.Hint("bench-key"), TimeoutSeconds = 30,
            },
            Name = modelName, ProviderModelId = modelName, Kind = ModelKind.Chat, ContextWindow = 128_000, MaxOutputTokens = 256,
            InputPricePerMillion = 1, OutputPricePerMillion = 2,
        };
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Models.Add(model);
            await db.SaveChangesAsync();
        }

        services.GetRequiredService<ModelCatalog>().Invalidate(model.TeamId);
        var prompt = await services.GetRequiredService<PromptRegistry>().CreateAsync("Runner bench", null, CancellationToken.None);
        foreach (var system in new[] { "Answer briefly.", "Answer in one sentence." })
        {
            await services.GetRequiredService<PromptVersions>().CreateAsync(
                prompt.Id, new NewPromptVersion(system, "{{$question}}", [], model.Id, new GenerationSettings(), "Bench"), CancellationToken.None);
        }

        var dataset = await services.GetRequiredService<DatasetRegistry>().CreateAsync("Runner bench", null, CancellationToken.None);
        var csv = new StringBuilder("question,expected_output\n");
        for (var i = 0; i < items; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"Where is parcel {i}?,It left the warehouse.\n");
        }

        await services.GetRequiredService<DatasetImporter>().ImportAsync(
            dataset.Id, "questions.csv", new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), new ImportOptions(), CancellationToken.None);
        return new ExperimentInput
        {
            Name = "Runner bench",
            DatasetId = dataset.Id,
            Variants = [new VariantInput { PromptId = prompt.Id, PromptVersion = 1 }, new VariantInput { PromptId = prompt.Id, PromptVersion = 2 }],
        };
    }

    private static async Task<Experiment> WaitUntilDoneAsync(IDbContextFactory<PortalDbContext> factory, Guid experimentId)
    {
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync();
            var experiment = await db.Experiments.IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Id == experimentId);
            if (experiment.Status is not (ExperimentStatus.Running or ExperimentStatus.Draft))
            {
                return experiment;
            }

            await Task.Delay(50);
        }
    }

    private static async Task<IHost> StartAsync(string folder, int concurrency)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Benchmark" });
        builder.Configuration["Portal:Storage:DataFolder"] = folder;
        builder.Configuration["Portal:Experiments:ConcurrencyPerProvider"] = concurrency.ToString(CultureInfo.InvariantCulture);
        builder.Configuration["Portal:Experiments:SeedDemoExperiment"] = "false";
        builder.Logging.ClearProviders();
        builder.Services.AddPortalServices(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}

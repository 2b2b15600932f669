using AiNative.Services.Models;
using AiNative.Services.Models.Offline;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Platform;

public sealed class DatabaseInitializerTests
{
    [Fact]
    public async Task First_start_seeds_the_demo_team_with_the_offline_models()
    {
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        await using var db = await scope.DbAsync();

        var models = await db.Models.Include(m => m.Provider).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal([OfflineModels.ChatModelId, OfflineModels.EmbeddingModelId], models.Select(m => m.Name).Order());
        Assert.All(models, m => Assert.Equal(OfflineModels.ProviderName, m.Provider.Name));
    }

    [Fact]
    public async Task Restart_keeps_the_teams_data_and_seeds_nothing_twice()
    {
        var first = await ServicesHost.StartAsync();
        var demo = await first.DemoTeamIdAsync();
        int seededModels, seedRecords;
        await using (var scope = first.InTeam(demo))
        await using (var db = await scope.DbAsync())
        {
            db.ModelProviders.Add(new ModelProvider { Name = "Team's own", Kind = ProviderKind.Ollama, BaseUrl = "http://localhost:11434" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            seededModels = await db.Models.CountAsync(TestContext.Current.CancellationToken);
            seedRecords = await db.SeedRecords.CountAsync(TestContext.Current.CancellationToken);
        }

        await first.StopAsync();
        await using var second = await ServicesHost.StartAsync(dataFolder: first.DataFolder);
        await using var again = second.InTeam(demo);
        await using var reopened = await again.DbAsync();

        Assert.Contains("Team's own", await reopened.ModelProviders.Select(p => p.Name).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(seededModels, await reopened.Models.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(seedRecords, await reopened.SeedRecords.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(1, await reopened.Teams.CountAsync(t => t.Slug == DemoTeam.Slug, TestContext.Current.CancellationToken));
    }
}

using AiNative.Services.Models.Offline;
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
    public async Task Restart_keeps_data_and_does_not_seed_deleted_demo_data_again()
    {
        var first = await ServicesHost.StartAsync();
        var demo = await first.DemoTeamIdAsync();
        await using (var scope = first.InTeam(demo))
        await using (var db = await scope.DbAsync())
        {
            // The embedding model: the chat model is named by the seeded demo prompt's versions, which keep it from deletion.
            await db.Models.Where(m => m.Name == OfflineModels.EmbeddingModelId).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }

        await first.StopAsync();
        await using var second = await ServicesHost.StartAsync(dataFolder: first.DataFolder);
        await using var again = second.InTeam(demo);
        await using var reopened = await again.DbAsync();

        var names = await reopened.Models.Select(m => m.Name).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([OfflineModels.ChatModelId], names);
    }
}

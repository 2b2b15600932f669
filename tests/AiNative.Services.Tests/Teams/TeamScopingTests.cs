using AiNative.Services.Models;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Teams;

public sealed class TeamScopingTests : IAsyncLifetime
{
    private ServicesHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ServicesHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Queries_see_only_the_current_teams_objects()
    {
        var demo = await _host.DemoTeamIdAsync();
        var other = await _host.CreateTeamAsync("Other team");

        await using (var scope = _host.InTeam(other))
        await using (var db = await scope.DbAsync())
        {
            db.ModelProviders.Add(new ModelProvider { Name = "Other's provider", Kind = ProviderKind.OpenAI });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var scope = _host.InTeam(demo))
        await using (var db = await scope.DbAsync())
        {
            var names = await db.ModelProviders.Select(p => p.Name).ToListAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotContain("Other's provider", names);
            Assert.Contains(ModelsSeeded, names);
        }
    }

    [Fact]
    public async Task New_objects_are_stamped_with_the_current_team()
    {
        var team = await _host.CreateTeamAsync("Stamped team");
        await using var scope = _host.InTeam(team);
        await using var db = await scope.DbAsync();
        var provider = new ModelProvider { Name = "Local", Kind = ProviderKind.Ollama };
        db.ModelProviders.Add(provider);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        Assert.Equal(team, provider.TeamId);
    }

    [Fact]
    public async Task A_scope_without_a_team_sees_nothing()
    {
        await using var scope = _host.Services.CreateAsyncScopeWithoutTeam();
        await using var db = await scope.DbAsync();

        Assert.Empty(await db.ModelProviders.ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Require_refuses_a_viewer_with_a_message_that_names_the_role()
    {
        var context = new TeamContext();
        context.Enter(new TeamAccess(Guid.NewGuid(), "Blue", TeamRole.Viewer, new Actor(null, "Val")));

        var refusal = Assert.Throws<ForbiddenException>(() => context.Require(TeamRole.Editor));
        Assert.Contains("Editor", refusal.Message);
        Assert.Contains("Viewer", refusal.Message);
        Assert.Equal(403, refusal.StatusCode);
    }

    private const string ModelsSeeded = AiNative.Services.Models.Offline.OfflineModels.ProviderName;
}

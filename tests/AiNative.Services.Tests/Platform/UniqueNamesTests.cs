using AiNative.Services.Data;
using AiNative.Services.Knowledge;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Prompts;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Tests.Platform;

public sealed class UniqueNamesTests
{
    [Fact]
    public async Task Two_people_creating_the_same_prompt_name_at_once_get_the_conflict_message_not_a_server_error()
    {
        var rival = new RivalSave();
        await using var host = await ServicesHost.StartAsync(services => services.ConfigureDbContext<PortalDbContext>(o => o.AddInterceptors(rival)));
        var team = await host.DemoTeamIdAsync();
        await using var scope = host.InTeam(team);
        rival.Arm(team, "Release notes");

        var clash = await Assert.ThrowsAsync<ConflictException>(
            () => scope.Get<PromptRegistry>().CreateAsync("Release notes", null, TestContext.Current.CancellationToken));

        Assert.Equal("A prompt named 'Release notes' already exists in this team. Choose another name, or open the existing prompt.", clash.Message);
        await using var db = await scope.DbAsync();
        Assert.Equal(1, await db.Prompts.CountAsync(p => p.Name == "Release notes", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Knowledge_base_names_that_differ_only_in_case_clash_like_other_names()
    {
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());
        var bases = scope.Get<KnowledgeBases>();
        await bases.CreateAsync(new KnowledgeBaseInput("Support FAQ"), TestContext.Current.CancellationToken);

        var clash = await Assert.ThrowsAsync<ConflictException>(
            () => bases.CreateAsync(new KnowledgeBaseInput("support faq"), TestContext.Current.CancellationToken));

        Assert.Contains("'support faq' already exists", clash.Message);
    }

    /// <summary>Saves a prompt of the same name just before the service's own save, after its check passed.</summary>
    private sealed class RivalSave : SaveChangesInterceptor
    {
        private (Guid Team, string Name)? _armed;

        public void Arm(Guid team, string name) => _armed = (team, name);

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (_armed is { } rival && eventData.Context!.ChangeTracker.Entries<Prompt>().Any(e => e.State == EntityState.Added))
            {
                _armed = null;
                // As each provider stores a time: SQLite as ticks (PortalDbContext's converter), PostgreSQL as timestamptz.
                object now = eventData.Context.Database.IsSqlite() ? MigrationUpgradeTests.StoredTime(DateTimeOffset.UtcNow) : DateTimeOffset.UtcNow;
                await eventData.Context.Database.ExecuteSqlAsync(
                    $"INSERT INTO \"Prompts\" (\"Id\", \"TeamId\", \"Name\", \"CreatedAt\", \"UpdatedAt\") VALUES ({Guid.CreateVersion7()}, {rival.Team}, {rival.Name}, {now}, {now})",
                    cancellationToken);
            }

            return result;
        }
    }
}

using AiNative.Services.Platform.Jobs;
using AiNative.Services.Platform.Storage;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Platform;

/// <summary>Claims on PostgreSQL, whichever provider PORTAL_TEST_DATABASE chooses for the other tests.</summary>
public sealed class PostgresJobClaimTests : IAsyncLifetime
{
    private readonly SharedTestDatabase _database = new(DatabaseProvider.PostgreSQL);
    private ServicesHost _host = null!;
    private Guid _team;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await JobArrangements.StartWithoutWorkersAsync(_database.Settings);
        _team = await _host.DemoTeamIdAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task A_claim_passes_over_a_job_another_replica_holds_locked_instead_of_waiting_for_it()
    {
        var held = await _host.EnqueueAsync(_team);
        var free = await _host.EnqueueAsync(_team);
        await using var scope = _host.InTeam(_team);
        await using var other = await scope.DbAsync();
        await using var transaction = await other.Database.BeginTransactionAsync(Cancel);
        await other.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Jobs" WHERE "Id" = {held} FOR UPDATE""", Cancel);
        await using var workers = _host.WithoutTeam();
        var store = workers.Get<JobStore>();

        var claimed = await store.TryClaimAsync("worker", TimeSpan.FromMinutes(1), Cancel).WaitAsync(TimeSpan.FromSeconds(10), Cancel);
        await transaction.RollbackAsync(Cancel);
        var next = await store.TryClaimAsync("worker", TimeSpan.FromMinutes(1), Cancel);

        Assert.Equal((free, 1, "Demo team"), (claimed?.Id, claimed?.Attempts, claimed?.TeamName));
        Assert.Equal(held, next?.Id);
    }
}

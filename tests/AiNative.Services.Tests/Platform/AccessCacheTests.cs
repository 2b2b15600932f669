using AiNative.Services.Platform.Caching;
using AiNative.Services.Platform.Replicas;
using AiNative.Services.Platform.Storage;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AiNative.Services.Tests.Platform;

public sealed class AccessCacheTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The channel of a single process (SQLite), where an invalidation reaches this cache alone.</summary>
    private static ReplicaChannel InProcess() => new(Options.Create(new StorageOptions()), NullLogger<ReplicaChannel>.Instance);

    [Fact]
    public async Task An_answer_is_reused_for_less_than_a_second_and_read_again_after()
    {
        var cache = new AccessCache(_clock, InProcess());
        var loads = 0;
        Task<string?> LoadAsync(CancellationToken _) => Task.FromResult<string?>($"answer {++loads}");

        var first = await cache.GetOrLoadAsync(("user", 1), LoadAsync, Ct);
        _clock.Advance(AccessCache.Lifetime - TimeSpan.FromMilliseconds(1));
        var reused = await cache.GetOrLoadAsync(("user", 1), LoadAsync, Ct);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var reread = await cache.GetOrLoadAsync(("user", 1), LoadAsync, Ct);

        Assert.Equal(("answer 1", "answer 1", "answer 2"), (first, reused, reread));
        Assert.True(AccessCache.Lifetime <= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task An_invalidation_makes_the_next_request_read_again_at_once()
    {
        var cache = new AccessCache(_clock, InProcess());
        var loads = 0;
        Task<string?> LoadAsync(CancellationToken _) => Task.FromResult<string?>($"answer {++loads}");
        await cache.GetOrLoadAsync(("user", 1), LoadAsync, Ct);

        cache.Invalidate();

        Assert.Equal("answer 2", await cache.GetOrLoadAsync(("user", 1), LoadAsync, Ct));
    }

    [Fact]
    public async Task An_answer_read_while_an_invalidation_happens_is_not_kept()
    {
        var cache = new AccessCache(_clock, InProcess());
        var release = new TaskCompletionSource<string?>();
        var slowLoad = cache.GetOrLoadAsync(("user", 1), _ => release.Task, Ct);

        cache.Invalidate();
        release.SetResult("read before the change");
        var during = await slowLoad;
        var next = await cache.GetOrLoadAsync(("user", 1), _ => Task.FromResult<string?>("read after the change"), Ct);

        Assert.Equal(("read before the change", "read after the change"), (during, next));
    }

    [Fact]
    public async Task Absent_answers_are_not_remembered()
    {
        var cache = new AccessCache(_clock, InProcess());
        var loads = 0;
        Task<string?> LoadAsync(CancellationToken _)
        {
            loads++;
            return Task.FromResult<string?>(null);
        }

        await cache.GetOrLoadAsync(("access-token", "unknown"), LoadAsync, Ct);
        await cache.GetOrLoadAsync(("access-token", "unknown"), LoadAsync, Ct);

        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task A_full_cache_drops_what_expired_and_keeps_working()
    {
        var cache = new AccessCache(_clock, InProcess());
        for (var i = 0; i < AccessCache.Capacity; i++)
        {
            await cache.GetOrLoadAsync(("user", i), _ => Task.FromResult<string?>("old"), Ct);
        }

        _clock.Advance(AccessCache.Lifetime);
        await cache.GetOrLoadAsync(("user", -1), _ => Task.FromResult<string?>("new"), Ct);

        Assert.Equal("new", await cache.GetOrLoadAsync(("user", -1), _ => Task.FromResult<string?>("loaded again"), Ct));
    }

    [Fact]
    public async Task A_change_in_a_transaction_is_seen_on_the_first_read_after_its_commit()
    {
        await using var host = await ServicesHost.StartAsync();
        var user = await host.CreateUserAsync("dev@example.com");
        await using var scope = host.WithoutTeam();
        var userTeams = scope.Get<UserTeams>();
        await using var db = await scope.DbAsync();
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var stored = await db.Users.SingleAsync(u => u.Id == user.Id, Ct);
        stored.DisplayName = "Renamed";
        await db.SaveChangesAsync(Ct);

        var beforeCommit = await userTeams.FindUserAsync(user.Id, Ct);
        await transaction.CommitAsync(Ct);
        var afterCommit = await userTeams.FindUserAsync(user.Id, Ct);

        Assert.Equal(("dev", "Renamed"), (beforeCommit?.DisplayName, afterCommit?.DisplayName));
    }
}

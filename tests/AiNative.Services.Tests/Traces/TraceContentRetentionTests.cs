using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using AiNative.Services.Traces.Retention;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Traces;

/// <summary>A team's retention removes old traces' content and keeps their numbers; other teams keep theirs.</summary>
public sealed class TraceContentRetentionTests : IAsyncLifetime
{
    private ServicesHost _host = null!;
    private TeamScope _owner = null!;
    private TeamScope _otherTeam = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _owner = _host.InTeam(await _host.CreateTeamAsync($"retention {Guid.NewGuid():N}"), TeamRole.Owner);
        _otherTeam = _host.InTeam(await _host.CreateTeamAsync($"keeper {Guid.NewGuid():N}"), TeamRole.Owner);
    }

    public async ValueTask DisposeAsync()
    {
        await _otherTeam.DisposeAsync();
        await _owner.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Content_older_than_the_teams_retention_is_removed_and_its_tokens_cost_and_scores_stay()
    {
        var old = await AddAsync(_owner, daysAgo: 40);
        var recent = await AddAsync(_owner, daysAgo: 10);
        var otherTeams = await AddAsync(_otherTeam, daysAgo: 400);
        await _owner.Get<TracePrivacyPolicy>().SetContentRetentionAsync(30, Cancel);

        var cleared = await _owner.Get<TraceContentRetention>().PruneAsync(Cancel);
        var again = await _owner.Get<TraceContentRetention>().PruneAsync(Cancel);

        Assert.Equal((1, 0), (cleared, again));
        var (oldTrace, oldCall) = await ReadAsync(_owner, old);
        Assert.Equal((null, null, TracePrivacy.None), (oldTrace.Input, oldTrace.Output, oldTrace.Privacy));
        Assert.Equal((1200L, 0.25m), (oldTrace.InputTokens, oldTrace.Cost));
        Assert.Equal((null, null), (oldCall.Input, oldCall.Output));
        Assert.Equal(1200L, oldCall.InputTokens);
        Assert.Equal("the secret plan", (await ReadAsync(_owner, recent)).Trace.Output);
        Assert.Equal("the secret plan", (await ReadAsync(_otherTeam, otherTeams)).Call.Output);
        Assert.Equal(30, await _owner.Get<TracePrivacyPolicy>().GetContentRetentionAsync(Cancel));
    }

    [Fact]
    public async Task Only_owners_set_the_retention_and_it_must_be_between_a_day_and_ten_years()
    {
        await using var editor = _host.InTeam(_owner.Get<TeamContext>().TeamId, TeamRole.Editor);

        await Assert.ThrowsAsync<ForbiddenException>(() => editor.Get<TracePrivacyPolicy>().SetContentRetentionAsync(30, Cancel));
        var zero = await Assert.ThrowsAsync<ValidationFailedException>(() => _owner.Get<TracePrivacyPolicy>().SetContentRetentionAsync(0, Cancel));

        Assert.Contains("between 1 and 3,650 days", zero.Errors["Days"].Single());
        Assert.Null(await _owner.Get<TracePrivacyPolicy>().GetContentRetentionAsync(Cancel));
    }

    private static async Task<Guid> AddAsync(TeamScope scope, int daysAgo)
    {
        var teamId = scope.Get<TeamContext>().TeamId;
        var started = DateTimeOffset.UtcNow.AddDays(-daysAgo);
        var trace = new Trace
        {
            TeamId = teamId, Name = "run", Source = TraceSource.Playground, Status = TraceStatus.Succeeded, StartedAt = started,
            Input = "{\"question\": \"the secret plan?\"}", Output = "the secret plan", InputTokens = 1200, Cost = 0.25m,
        };
        var call = new Observation
        {
            TeamId = teamId, TraceId = trace.Id, Name = "answer", Type = ObservationType.Generation, Status = TraceStatus.Succeeded, StartedAt = started,
            Input = "the secret plan?", Output = "the secret plan", InputTokens = 1200,
        };
        await using var db = await scope.DbAsync();
        db.Traces.Add(trace);
        db.Observations.Add(call);
        await db.SaveChangesAsync(Cancel);
        return trace.Id;
    }

    private static async Task<(Trace Trace, Observation Call)> ReadAsync(TeamScope scope, Guid traceId)
    {
        await using var db = await scope.DbAsync();
        return (await db.Traces.AsNoTracking().SingleAsync(t => t.Id == traceId, Cancel), await db.Observations.AsNoTracking().SingleAsync(o => o.TraceId == traceId, Cancel));
    }
}

using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiNative.Services.Tests.Platform;

public sealed class AuditLogTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private ServicesHost _host = null!;
    private Guid _team;
    private Guid _otherTeam;
    private readonly Guid _ada = Guid.CreateVersion7();
    private readonly Guid _bob = Guid.CreateVersion7();

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync(services => services.AddSingleton<TimeProvider>(_clock));
        _team = await _host.CreateTeamAsync("Audited");
        _otherTeam = await _host.CreateTeamAsync("Elsewhere");
        await RecordAsync(_team, _ada, "Ada", "Prompt", "greeting");
        await RecordAsync(_team, _bob, "Bob", "Model", "gpt");
        await RecordAsync(_team, _ada, "Ada", "Model", "embed");
        await RecordAsync(_otherTeam, _bob, "Bob", "Prompt", "secret plans");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Entries_come_newest_first_and_only_from_the_current_team()
    {
        await using var scope = _host.InTeam(_team, TeamRole.Viewer);

        var page = await scope.Get<AuditLog>().ListTeamAsync(new AuditFilter(), Ct);

        Assert.Equal(["embed", "gpt", "greeting"], page.Items.Select(e => e.ObjectName));
        Assert.Equal(3, page.TotalCount);
    }

    [Fact]
    public async Task Filters_by_user_kind_and_time_combine()
    {
        await using var scope = _host.InTeam(_team, TeamRole.Viewer);
        var log = scope.Get<AuditLog>();
        var start = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

        var byAda = await log.ListTeamAsync(new AuditFilter(ActorId: _ada), Ct);
        var models = await log.ListTeamAsync(new AuditFilter(ObjectKind: "Model"), Ct);
        var adasModels = await log.ListTeamAsync(new AuditFilter(ActorId: _ada, ObjectKind: "Model"), Ct);
        // In another time zone, the same instant: bounds are compared as instants.
        var window = await log.ListTeamAsync(new AuditFilter(From: start.AddMinutes(45).ToOffset(TimeSpan.FromHours(2)), To: start.AddMinutes(75)), Ct);

        Assert.Equal(["embed", "greeting"], byAda.Items.Select(e => e.ObjectName));
        Assert.Equal(["embed", "gpt"], models.Items.Select(e => e.ObjectName));
        Assert.Equal(["embed"], adasModels.Items.Select(e => e.ObjectName));
        Assert.Equal(["gpt"], window.Items.Select(e => e.ObjectName));
    }

    [Fact]
    public async Task Pages_split_the_entries_and_count_them_all()
    {
        await using var scope = _host.InTeam(_team, TeamRole.Viewer);
        var log = scope.Get<AuditLog>();

        var first = await log.ListTeamAsync(new AuditFilter(Page: 0, PageSize: 2), Ct);
        var second = await log.ListTeamAsync(new AuditFilter(Page: 1, PageSize: 2), Ct);

        Assert.Equal(["embed", "gpt"], first.Items.Select(e => e.ObjectName));
        Assert.Equal(["greeting"], second.Items.Select(e => e.ObjectName));
        Assert.Equal(3, second.TotalCount);
    }

    [Fact]
    public async Task Filter_choices_list_the_teams_people_and_kinds()
    {
        await using var scope = _host.InTeam(_team, TeamRole.Viewer);

        var choices = await scope.Get<AuditLog>().TeamChoicesAsync(Ct);

        Assert.Equal(["Ada", "Bob"], choices.Actors.Select(a => a.Name));
        Assert.Equal(["Model", "Prompt"], choices.ObjectKinds);
    }

    [Fact]
    public async Task The_portal_wide_trail_is_for_administrators_only()
    {
        var user = await _host.CreateUserAsync("plain@example.com");
        var admin = await _host.CreateUserAsync("admin@example.com", isAdministrator: true);
        await using var scope = _host.WithoutTeam();
        var log = scope.Get<AuditLog>();

        await Assert.ThrowsAsync<ForbiddenException>(() => log.ListPortalAsync(user.Id, new AuditFilter(), Ct));
        var page = await log.ListPortalAsync(admin.Id, new AuditFilter(), Ct);

        Assert.All(page.Items, e => Assert.NotEqual("Prompt", e.ObjectKind));
    }

    private async Task RecordAsync(Guid teamId, Guid actorId, string actorName, string kind, string name)
    {
        _clock.Advance(TimeSpan.FromMinutes(30));
        await using var scope = _host.WithoutTeam();
        await using var db = await scope.DbAsync();
        scope.Get<AuditTrail>().Record(db, teamId, new Actor(actorId, actorName), AuditAction.Created, kind, Guid.NewGuid(), name, "created");
        await db.SaveChangesAsync(Ct);
    }
}

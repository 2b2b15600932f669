using AiNative.Services.Models;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Teams;

public sealed class TeamAdministrationTests : IAsyncLifetime
{
    private ServicesHost _host = null!;
    private PortalUser _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _admin = await _host.CreateUserAsync("admin@example.com", isAdministrator: true);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Created_team_is_owned_by_the_administrator_who_created_it_and_audited()
    {
        await using var scope = _host.WithoutTeam();
        var teams = scope.Get<TeamAdministration>();

        var team = await teams.CreateAsync(_admin.Id, "Search & Ranking", TestContext.Current.CancellationToken);

        Assert.Equal("search-ranking", team.Slug);
        await using var db = await scope.DbAsync();
        var membership = await db.TeamMemberships.SingleAsync(m => m.TeamId == team.Id, TestContext.Current.CancellationToken);
        Assert.Equal((_admin.Id, TeamRole.Owner), (membership.UserId, membership.Role));
        var entries = await db.AuditEntries.Where(e => e.ObjectId == team.Id.ToString() || e.TeamId == team.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains(entries, e => e.TeamId == null && e.ObjectKind == TeamAdministration.AuditKind && e.Action == AuditAction.Created && e.ActorId == _admin.Id);
        Assert.Contains(entries, e => e.TeamId == team.Id && e.ObjectKind == TeamMembers.AuditKind && e.Summary.Contains("Owner"));
    }

    [Fact]
    public async Task A_user_who_is_not_an_administrator_cannot_create_rename_or_delete_teams()
    {
        var demo = await _host.DemoTeamIdAsync();
        var owner = await _host.CreateUserAsync("owner@example.com", memberships: (demo, TeamRole.Owner));
        await using var scope = _host.WithoutTeam();
        var teams = scope.Get<TeamAdministration>();
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<ForbiddenException>(() => teams.CreateAsync(owner.Id, "Mine", ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => teams.RenameAsync(owner.Id, demo, "Renamed", ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => teams.DeleteAsync(owner.Id, demo, ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => teams.ListAsync(owner.Id, ct));
    }

    [Fact]
    public async Task A_second_team_with_the_same_name_in_other_letters_is_refused()
    {
        await using var scope = _host.WithoutTeam();
        var teams = scope.Get<TeamAdministration>();
        await teams.CreateAsync(_admin.Id, "Research", TestContext.Current.CancellationToken);

        var clash = await Assert.ThrowsAsync<ConflictException>(() => teams.CreateAsync(_admin.Id, "RESEARCH", TestContext.Current.CancellationToken));

        Assert.Contains("already exists", clash.Message);
    }

    [Fact]
    public async Task Empty_name_is_refused_with_the_field_named()
    {
        await using var scope = _host.WithoutTeam();

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(
            () => scope.Get<TeamAdministration>().CreateAsync(_admin.Id, "  ", TestContext.Current.CancellationToken));

        Assert.Contains("Name", invalid.Errors.Keys);
    }

    [Fact]
    public async Task Rename_keeps_the_slug_and_records_before_and_after()
    {
        await using var scope = _host.WithoutTeam();
        var teams = scope.Get<TeamAdministration>();
        var team = await teams.CreateAsync(_admin.Id, "Blue", TestContext.Current.CancellationToken);

        await teams.RenameAsync(_admin.Id, team.Id, "Blue squad", TestContext.Current.CancellationToken);

        var renamed = (await teams.ListAsync(_admin.Id, TestContext.Current.CancellationToken)).Single(t => t.Id == team.Id);
        Assert.Equal(("Blue squad", "blue"), (renamed.Name, renamed.Slug));
        await using var db = await scope.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Updated && e.Summary == "name: Blue → Blue squad", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Deleting_a_team_removes_its_objects_and_memberships_but_keeps_its_audit_trail()
    {
        await using var scope = _host.WithoutTeam();
        var teams = scope.Get<TeamAdministration>();
        var team = await teams.CreateAsync(_admin.Id, "Short lived", TestContext.Current.CancellationToken);
        await using (var inTeam = _host.InTeam(team.Id))
        await using (var db = await inTeam.DbAsync())
        {
            db.ModelProviders.Add(new ModelProvider { Name = "Doomed", Kind = ProviderKind.Ollama });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await teams.DeleteAsync(_admin.Id, team.Id, TestContext.Current.CancellationToken);

        await using var check = await scope.DbAsync();
        Assert.False(await check.Teams.AnyAsync(t => t.Id == team.Id, TestContext.Current.CancellationToken));
        Assert.False(await check.TeamMemberships.AnyAsync(m => m.TeamId == team.Id, TestContext.Current.CancellationToken));
        Assert.False(await check.ModelProviders.IgnoreQueryFilters().AnyAsync(p => p.TeamId == team.Id, TestContext.Current.CancellationToken));
        Assert.True(await check.AuditEntries.AnyAsync(e => e.TeamId == team.Id, TestContext.Current.CancellationToken));
        Assert.True(await check.AuditEntries.AnyAsync(e => e.TeamId == null && e.Action == AuditAction.Deleted && e.ObjectName == "Short lived", TestContext.Current.CancellationToken));
    }
}

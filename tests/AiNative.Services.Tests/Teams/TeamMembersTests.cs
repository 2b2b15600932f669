using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Teams;

public sealed class TeamMembersTests : IAsyncLifetime
{
    private ServicesHost _host = null!;
    private Guid _team;
    private PortalUser _owner = null!;
    private PortalUser _viewer = null!;
    private PortalUser _outsider = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _team = await _host.CreateTeamAsync("Research");
        _owner = await _host.CreateUserAsync("owner@example.com", memberships: (_team, TeamRole.Owner));
        _viewer = await _host.CreateUserAsync("viewer@example.com", memberships: (_team, TeamRole.Viewer));
        _outsider = await _host.CreateUserAsync("outsider@example.com");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_owner_adds_a_user_by_email_with_a_role_and_the_change_is_audited_in_the_team()
    {
        await using var scope = _host.WithoutTeam();
        var members = scope.Get<TeamMembers>();

        var added = await members.AddAsync(_team, _owner.Id, " OUTSIDER@example.com ", TeamRole.Editor, Ct);

        Assert.Equal((_outsider.Id, TeamRole.Editor), (added.UserId, added.Role));
        var entry = await LastEntryAsync(scope);
        Assert.Equal((_team, _owner.Id, AuditAction.Created, TeamMembers.AuditKind, "role: Editor"), (entry.TeamId, entry.ActorId, entry.Action, entry.ObjectKind, entry.Summary));
        Assert.Contains("outsider@example.com", entry.ObjectName);
    }

    [Fact]
    public async Task A_viewer_cannot_change_members_and_the_team_stays_as_it_was()
    {
        await using var scope = _host.WithoutTeam();
        var members = scope.Get<TeamMembers>();

        await Assert.ThrowsAsync<ForbiddenException>(() => members.AddAsync(_team, _viewer.Id, "outsider@example.com", TeamRole.Viewer, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => members.ChangeRoleAsync(_team, _viewer.Id, _viewer.Id, TeamRole.Owner, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => members.RemoveAsync(_team, _viewer.Id, _owner.Id, Ct));

        var list = await members.ListAsync(_team, _viewer.Id, Ct);
        Assert.Equal([(_owner.Id, TeamRole.Owner), (_viewer.Id, TeamRole.Viewer)], list.Select(m => (m.UserId, m.Role)));
    }

    [Fact]
    public async Task Someone_outside_the_team_is_told_the_team_does_not_exist()
    {
        await using var scope = _host.WithoutTeam();
        var members = scope.Get<TeamMembers>();

        await Assert.ThrowsAsync<NotFoundException>(() => members.ListAsync(_team, _outsider.Id, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => members.AddAsync(_team, _outsider.Id, "outsider@example.com", TeamRole.Owner, Ct));
    }

    [Fact]
    public async Task An_administrator_manages_a_team_they_are_not_in_and_is_recorded_as_the_actor()
    {
        var admin = await _host.CreateUserAsync("admin@example.com", isAdministrator: true);
        await using var scope = _host.WithoutTeam();
        var members = scope.Get<TeamMembers>();

        await members.AddAsync(_team, admin.Id, "outsider@example.com", TeamRole.Viewer, Ct);
        await members.ChangeRoleAsync(_team, admin.Id, _outsider.Id, TeamRole.Owner, Ct);

        var entry = await LastEntryAsync(scope);
        Assert.Equal((admin.Id, "role: Viewer → Owner"), (entry.ActorId, entry.Summary));
        Assert.Contains(await members.ListAsync(_team, admin.Id, Ct), m => m.UserId == _outsider.Id && m.Role == TeamRole.Owner);
    }

    [Fact]
    public async Task The_last_owner_can_be_neither_demoted_nor_removed()
    {
        await using var scope = _host.WithoutTeam();
        var members = scope.Get<TeamMembers>();

        var demote = await Assert.ThrowsAsync<ConflictException>(() => members.ChangeRoleAsync(_team, _owner.Id, _owner.Id, TeamRole.Editor, Ct));
        var remove = await Assert.ThrowsAsync<ConflictException>(() => members.RemoveAsync(_team, _owner.Id, _owner.Id, Ct));

        Assert.Contains("last owner", demote.Message);
        Assert.Contains("last owner", remove.Message);
        Assert.Contains(await members.ListAsync(_team, _owner.Id, Ct), m => m.UserId == _owner.Id && m.Role == TeamRole.Owner);
    }

    [Fact]
    public async Task With_a_second_owner_the_first_may_step_down()
    {
        await using var scope = _host.WithoutTeam();
        var members = scope.Get<TeamMembers>();
        await members.ChangeRoleAsync(_team, _owner.Id, _viewer.Id, TeamRole.Owner, Ct);

        await members.RemoveAsync(_team, _owner.Id, _owner.Id, Ct);

        var list = await members.ListAsync(_team, _viewer.Id, Ct);
        Assert.Equal([(_viewer.Id, TeamRole.Owner)], list.Select(m => (m.UserId, m.Role)));
        Assert.Equal(AuditAction.Deleted, (await LastEntryAsync(scope)).Action);
    }

    [Fact]
    public async Task Adding_an_unknown_email_or_a_member_twice_says_what_to_do()
    {
        await using var scope = _host.WithoutTeam();
        var members = scope.Get<TeamMembers>();

        var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() => members.AddAsync(_team, _owner.Id, "nobody@example.com", TeamRole.Viewer, Ct));
        var twice = await Assert.ThrowsAsync<ConflictException>(() => members.AddAsync(_team, _owner.Id, "viewer@example.com", TeamRole.Editor, Ct));
        var noRole = await Assert.ThrowsAsync<ValidationFailedException>(() => members.AddAsync(_team, _owner.Id, "outsider@example.com", default, Ct));

        Assert.Contains("administrator creates accounts", unknown.Errors["Email"].Single());
        Assert.Contains("already a member", twice.Message);
        Assert.Contains("Role", noRole.Errors.Keys);
    }

    [Fact]
    public async Task Changing_the_role_of_someone_not_in_the_team_answers_not_found()
    {
        await using var scope = _host.WithoutTeam();

        await Assert.ThrowsAsync<NotFoundException>(
            () => scope.Get<TeamMembers>().ChangeRoleAsync(_team, _owner.Id, _outsider.Id, TeamRole.Editor, Ct));
    }

    private static async Task<AuditEntry> LastEntryAsync(TeamScope scope)
    {
        await using var db = await scope.DbAsync();
        var entries = await db.AuditEntries.ToListAsync(Ct);
        return entries.OrderBy(e => e.At).ThenBy(e => e.Id).Last();
    }
}

using System.Security.Claims;
using AiNative.Services.Data;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.AspNetCore.Identity;

namespace AiNative.Services.Tests.Teams;

public sealed class SessionRevalidationTests : IAsyncLifetime
{
    private ServicesHost _host = null!;
    private TeamScope _scope = null!;
    private Guid _team;
    private PortalUser _user = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _team = await _host.DemoTeamIdAsync();
        _user = await _host.CreateUserAsync("mallory@example.com", isAdministrator: true, memberships: (_team, TeamRole.Editor));
        _scope = _host.WithoutTeam();
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_session_holds_while_nothing_about_its_user_changed()
    {
        var (principal, access) = await StartSessionAsync();

        Assert.True(await Revalidation.StillValidAsync(principal, access, Cancel));
    }

    [Fact]
    public async Task A_demotion_or_a_removal_from_the_entered_team_ends_the_session()
    {
        var (principal, access) = await StartSessionAsync();
        await ChangeAsync(db => db.TeamMemberships.Single(m => m.UserId == _user.Id).Role = TeamRole.Viewer);
        var afterDemotion = await Revalidation.StillValidAsync(principal, access, Cancel);
        await ChangeAsync(db => db.TeamMemberships.Remove(db.TeamMemberships.Single(m => m.UserId == _user.Id)));

        Assert.False(afterDemotion);
        Assert.False(await Revalidation.StillValidAsync(principal, access, Cancel));
    }

    [Fact]
    public async Task An_administrators_lock_ends_the_session()
    {
        var (principal, access) = await StartSessionAsync();
        var other = await _host.CreateUserAsync("locker@example.com", isAdministrator: true);

        await _scope.Get<UserAdministration>().SetLockedAsync(other.Id, _user.Id, locked: true, Cancel);

        Assert.False(await Revalidation.StillValidAsync(principal, access, Cancel));
    }

    [Fact]
    public async Task Failed_sign_ins_by_someone_else_neither_end_the_session_nor_take_administrator_rights()
    {
        var (principal, access) = await StartSessionAsync();
        var users = _scope.Get<UserManager<PortalUser>>();
        var user = (await users.FindByIdAsync(_user.Id.ToString()))!;
        while (!await users.IsLockedOutAsync(user))
        {
            await users.AccessFailedAsync(user);
        }

        Assert.True(await Revalidation.StillValidAsync(principal, access, Cancel));
        Assert.NotEmpty(await _scope.Get<TeamAdministration>().ListAsync(_user.Id, Cancel));
    }

    [Fact]
    public async Task A_changed_password_ends_the_session()
    {
        var (principal, _) = await StartSessionAsync();
        var users = _scope.Get<UserManager<PortalUser>>();
        var user = (await users.FindByIdAsync(_user.Id.ToString()))!;

        await users.UpdateSecurityStampAsync(user);

        Assert.False(await Revalidation.StillValidAsync(principal, enteredTeam: null, Cancel));
    }

    private SessionRevalidation Revalidation => _scope.Get<SessionRevalidation>();

    private async Task<(ClaimsPrincipal Principal, TeamAccess Access)> StartSessionAsync()
    {
        var principal = await _scope.Get<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(_user);
        var access = (await _scope.Get<TeamAccessResolver>().ResolveAsync(_user.Id, _team, Cancel))!;
        return (principal, access);
    }

    private async Task ChangeAsync(Action<PortalDbContext> change)
    {
        await using var db = await _scope.DbAsync();
        change(db);
        await db.SaveChangesAsync(Cancel);
    }
}

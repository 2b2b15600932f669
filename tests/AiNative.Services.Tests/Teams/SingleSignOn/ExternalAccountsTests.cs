using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Services.Teams.SingleSignOn;
using AiNative.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Teams.SingleSignOn;

public sealed class ExternalAccountsTests : IAsyncLifetime
{
    private ServicesHost _host = null!;
    private Guid _research;
    private Guid _support;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _research = await _host.CreateTeamAsync("Research");
        _support = await _host.CreateTeamAsync("Support");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task First_sign_on_creates_an_account_without_password_with_the_claimed_memberships()
    {
        await using var scope = _host.WithoutTeam();

        var user = await scope.Get<ExternalAccounts>().SignInAsync(Identity("sub-1", "kim@example.com", ["research:Editor", "support", "unknown:Owner"]), Ct);

        Assert.Equal("Kim", user.DisplayName);
        Assert.Null(user.PasswordHash);
        Assert.Equal([(_research, TeamRole.Editor), (_support, TeamRole.Viewer)], await MembershipsAsync(user.Id));
        await using var db = await scope.DbAsync();
        var added = await db.AuditEntries.Where(e => e.ObjectKind == TeamMembers.AuditKind && e.ObjectId == user.Id.ToString()).ToListAsync(Ct);
        Assert.Equal(2, added.Count);
        Assert.All(added, e => Assert.Equal("single sign-on (Keycloak)", e.ActorName));
    }

    [Fact]
    public async Task Later_sign_ons_follow_the_claim_changing_roles_and_leaving_teams()
    {
        await using var scope = _host.WithoutTeam();
        var accounts = scope.Get<ExternalAccounts>();
        var user = await accounts.SignInAsync(Identity("sub-2", "lee@example.com", ["research:Viewer", "support:Editor"]), Ct);
        await _host.CreateUserAsync("owner@example.com", memberships: [(_research, TeamRole.Owner), (_support, TeamRole.Owner)]);

        var again = await accounts.SignInAsync(Identity("sub-2", "lee@example.com", ["research:Owner"]), Ct);

        Assert.Equal(user.Id, again.Id);
        Assert.Equal([(_research, TeamRole.Owner)], await MembershipsAsync(user.Id));
        await using var db = await scope.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.TeamId == _support && e.Action == AuditAction.Deleted && e.ObjectId == user.Id.ToString(), Ct));
    }

    [Fact]
    public async Task The_last_owner_of_a_team_keeps_the_role_when_the_claim_drops_it()
    {
        await using var scope = _host.WithoutTeam();
        var accounts = scope.Get<ExternalAccounts>();
        var user = await accounts.SignInAsync(Identity("sub-3", "max@example.com", ["research:Owner"]), Ct);

        await accounts.SignInAsync(Identity("sub-3", "max@example.com", []), Ct);

        Assert.Equal([(_research, TeamRole.Owner)], await MembershipsAsync(user.Id));
    }

    [Fact]
    public async Task Without_a_teams_claim_configured_memberships_are_left_to_the_portal()
    {
        var local = await _host.CreateUserAsync("ada@example.com", memberships: (_support, TeamRole.Editor));
        await using var scope = _host.WithoutTeam();

        var user = await scope.Get<ExternalAccounts>().SignInAsync(Identity("sub-4", "ada@example.com", null), Ct);

        Assert.Equal(local.Id, user.Id);
        Assert.Equal([(_support, TeamRole.Editor)], await MembershipsAsync(user.Id));
        var logins = await scope.Get<UserManager<PortalUser>>().GetLoginsAsync(user);
        Assert.Equal("sub-4", logins.Single().ProviderKey);
    }

    [Fact]
    public async Task An_unverified_email_never_takes_over_an_existing_account()
    {
        await _host.CreateUserAsync("ada@example.com", isAdministrator: true);
        await using var scope = _host.WithoutTeam();

        var refused = await Assert.ThrowsAsync<ConflictException>(
            () => scope.Get<ExternalAccounts>().SignInAsync(Identity("attacker", "ada@example.com", null) with { EmailVerified = false }, Ct));

        Assert.Contains("not verified", refused.Message);
        Assert.Null(await scope.Get<UserManager<PortalUser>>().FindByLoginAsync("oidc", "attacker"));
    }

    [Fact]
    public async Task A_locked_account_cannot_sign_on()
    {
        var admin = await _host.CreateUserAsync("admin@example.com", isAdministrator: true);
        var local = await _host.CreateUserAsync("ada@example.com");
        await using var scope = _host.WithoutTeam();
        await scope.Get<UserAdministration>().SetLockedAsync(admin.Id, local.Id, locked: true, Ct);

        await Assert.ThrowsAsync<ForbiddenException>(() => scope.Get<ExternalAccounts>().SignInAsync(Identity("sub-5", "ada@example.com", null), Ct));
    }

    [Fact]
    public async Task Wrong_local_passwords_do_not_keep_the_account_from_signing_on()
    {
        var local = await _host.CreateUserAsync("ada@example.com");
        await using var scope = _host.WithoutTeam();
        var users = scope.Get<UserManager<PortalUser>>();
        var user = (await users.FindByIdAsync(local.Id.ToString()))!;
        while (!await users.IsLockedOutAsync(user))
        {
            await users.AccessFailedAsync(user);
        }

        var signedOn = await scope.Get<ExternalAccounts>().SignInAsync(Identity("sub-6", "ada@example.com", null), Ct);

        Assert.Equal(local.Id, signedOn.Id);
    }

    private static ExternalIdentity Identity(string subject, string email, IReadOnlyCollection<string>? teams) =>
        new("oidc", "Keycloak", subject, email, EmailVerified: true, DisplayName: email.Split('@')[0] is var n ? char.ToUpperInvariant(n[0]) + n[1..] : null, teams);

    private async Task<List<(Guid, TeamRole)>> MembershipsAsync(Guid userId)
    {
        await using var scope = _host.WithoutTeam();
        await using var db = await scope.DbAsync();
        var memberships = await db.TeamMemberships.Where(m => m.UserId == userId).Select(m => new { m.TeamId, m.Role }).ToListAsync(Ct);
        return memberships.OrderBy(m => m.TeamId == _research ? 0 : 1).Select(m => (m.TeamId, m.Role)).ToList();
    }
}

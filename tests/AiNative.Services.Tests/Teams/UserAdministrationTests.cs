using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Teams;

public sealed class UserAdministrationTests : IAsyncLifetime
{
    private ServicesHost _host = null!;
    private PortalUser _admin = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _admin = await _host.CreateUserAsync("admin@example.com", isAdministrator: true);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_created_account_signs_in_only_with_its_one_time_password_and_must_change_it()
    {
        await using var scope = _host.WithoutTeam();

        var issued = await scope.Get<UserAdministration>().CreateAsync(_admin.Id, "Val Viewer", "val@example.com", Ct);

        Assert.True(issued.Account.MustChangePassword);
        Assert.True(issued.OneTimePassword.Length >= 10);
        var users = scope.Get<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync("val@example.com");
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, issued.OneTimePassword));
        Assert.False(await users.CheckPasswordAsync(user, ServicesHost.Password));
    }

    [Fact]
    public async Task The_audit_trail_records_the_new_account_without_its_password()
    {
        await using var scope = _host.WithoutTeam();
        var admin = scope.Get<UserAdministration>();

        var created = await admin.CreateAsync(_admin.Id, "Val Viewer", "val@example.com", Ct);
        var reset = await admin.ResetPasswordAsync(_admin.Id, created.Account.Id, Ct);

        await using var db = await scope.DbAsync();
        var entries = await db.AuditEntries.Where(e => e.ObjectId == created.Account.Id.ToString()).ToListAsync(Ct);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Null(e.TeamId));
        Assert.All(entries, e => Assert.DoesNotContain(created.OneTimePassword, e.Summary + e.ObjectName, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.DoesNotContain(reset.OneTimePassword, e.Summary + e.ObjectName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_account_with_the_same_email_is_refused()
    {
        await using var scope = _host.WithoutTeam();

        var clash = await Assert.ThrowsAsync<ConflictException>(() => scope.Get<UserAdministration>().CreateAsync(_admin.Id, "Again", "ADMIN@example.com", Ct));

        Assert.Contains("already exists", clash.Message);
    }

    [Fact]
    public async Task Reset_gives_a_new_one_time_password_and_ends_existing_sessions()
    {
        var user = await _host.CreateUserAsync("forgetful@example.com");
        await using var scope = _host.WithoutTeam();
        var users = scope.Get<UserManager<PortalUser>>();
        var stampBefore = user.SecurityStamp;

        var issued = await scope.Get<UserAdministration>().ResetPasswordAsync(_admin.Id, user.Id, Ct);

        var reloaded = await users.FindByIdAsync(user.Id.ToString());
        Assert.NotNull(reloaded);
        Assert.True(reloaded.MustChangePassword);
        Assert.NotEqual(stampBefore, reloaded.SecurityStamp);
        Assert.True(await users.CheckPasswordAsync(reloaded, issued.OneTimePassword));
        Assert.False(await users.CheckPasswordAsync(reloaded, ServicesHost.Password));
    }

    [Fact]
    public async Task Locking_keeps_the_account_out_until_it_is_unlocked()
    {
        var user = await _host.CreateUserAsync("locked@example.com");
        await using var scope = _host.WithoutTeam();
        var admin = scope.Get<UserAdministration>();

        var locked = await admin.SetLockedAsync(_admin.Id, user.Id, locked: true, Ct);
        var lockedOut = await IsLockedOutAsync(user.Id);
        var unlocked = await admin.SetLockedAsync(_admin.Id, user.Id, locked: false, Ct);

        Assert.NotNull(locked.LockedUntil);
        Assert.True(lockedOut);
        Assert.Null(unlocked.LockedUntil);
        Assert.False(await IsLockedOutAsync(user.Id));
    }

    [Fact]
    public async Task The_last_active_administrator_cannot_be_revoked_or_locked_and_nobody_locks_themself()
    {
        await using var scope = _host.WithoutTeam();
        var admin = scope.Get<UserAdministration>();

        var revoke = await Assert.ThrowsAsync<ConflictException>(() => admin.SetAdministratorAsync(_admin.Id, _admin.Id, false, Ct));
        var lockSelf = await Assert.ThrowsAsync<ConflictException>(() => admin.SetLockedAsync(_admin.Id, _admin.Id, true, Ct));

        Assert.Contains("last active administrator", revoke.Message);
        Assert.Contains("your own account", lockSelf.Message);
    }

    [Fact]
    public async Task A_granted_administrator_can_revoke_the_first_one()
    {
        var second = await _host.CreateUserAsync("second@example.com");
        await using var scope = _host.WithoutTeam();
        var admin = scope.Get<UserAdministration>();

        await admin.SetAdministratorAsync(_admin.Id, second.Id, true, Ct);
        var revoked = await admin.SetAdministratorAsync(second.Id, _admin.Id, false, Ct);

        Assert.False(revoked.IsAdministrator);
        await Assert.ThrowsAsync<ForbiddenException>(() => admin.ListAsync(_admin.Id, Ct));
    }

    [Fact]
    public async Task Users_who_are_not_administrators_manage_no_accounts()
    {
        var user = await _host.CreateUserAsync("plain@example.com");
        await using var scope = _host.WithoutTeam();
        var admin = scope.Get<UserAdministration>();

        await Assert.ThrowsAsync<ForbiddenException>(() => admin.CreateAsync(user.Id, "X", "x@example.com", Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => admin.SetAdministratorAsync(user.Id, user.Id, true, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => admin.ResetPasswordAsync(user.Id, _admin.Id, Ct));
        Assert.False(await scope.Get<UserManager<PortalUser>>().Users.AnyAsync(u => u.Email == "x@example.com", Ct));
    }

    private async Task<bool> IsLockedOutAsync(Guid userId)
    {
        await using var scope = _host.WithoutTeam();
        var users = scope.Get<UserManager<PortalUser>>();
        return await users.IsLockedOutAsync((await users.FindByIdAsync(userId.ToString()))!);
    }
}

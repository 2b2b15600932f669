using AiNative.Services.Platform.AccessTokens;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiNative.Services.Tests.Platform;

public sealed class PersonalAccessTokensTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private ServicesHost _host = null!;
    private PortalUser _user = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync(services => services.AddSingleton<TimeProvider>(_clock));
        _user = await _host.CreateUserAsync("dev@example.com");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_token_is_stored_only_as_its_hash_and_is_accepted_for_its_owner()
    {
        await using var scope = _host.WithoutTeam();
        var tokens = scope.Get<PersonalAccessTokens>();

        var created = await tokens.CreateAsync(_user.Id, "CI pipeline", 30, Ct);
        var check = await tokens.CheckAsync(created.Secret, Ct);

        Assert.StartsWith("ainp_", created.Secret);
        Assert.Equal(created.Secret[..11], created.Token.DisplayPrefix);
        Assert.Equal((AccessTokenStatus.Valid, _user.Id), (check.Status, check.UserId));
        await using var db = await scope.DbAsync();
        var stored = await db.PersonalAccessTokens.SingleAsync(Ct);
        Assert.Equal(AccessTokenSecret.Hash(created.Secret), stored.SecretHash);
        Assert.DoesNotContain(created.Secret, stored.SecretHash + stored.DisplayPrefix + stored.Name, StringComparison.Ordinal);
        Assert.DoesNotContain(await db.AuditEntries.ToListAsync(Ct), e => (e.Summary + e.ObjectName).Contains(created.Secret[11..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_revoked_token_is_refused_like_an_unknown_one()
    {
        await using var scope = _host.WithoutTeam();
        var tokens = scope.Get<PersonalAccessTokens>();
        var created = await tokens.CreateAsync(_user.Id, "laptop", 7, Ct);

        await tokens.RevokeAsync(_user.Id, created.Token.Id, Ct);

        Assert.Equal(AccessTokenStatus.InvalidOrRevoked, (await tokens.CheckAsync(created.Secret, Ct)).Status);
        Assert.Equal(AccessTokenStatus.InvalidOrRevoked, (await tokens.CheckAsync(AccessTokenSecret.Generate(), Ct)).Status);
        Assert.Equal(AccessTokenStatus.InvalidOrRevoked, (await tokens.CheckAsync("not-a-token", Ct)).Status);
        Assert.NotNull((await tokens.ListAsync(_user.Id, Ct)).Single().RevokedAt);
    }

    [Fact]
    public async Task A_token_past_its_lifetime_is_refused_as_expired()
    {
        await using var scope = _host.WithoutTeam();
        var tokens = scope.Get<PersonalAccessTokens>();
        var created = await tokens.CreateAsync(_user.Id, "short", 7, Ct);

        _clock.Advance(TimeSpan.FromDays(7));
        var check = await tokens.CheckAsync(created.Secret, Ct);

        Assert.Equal((AccessTokenStatus.Expired, created.Token.ExpiresAt), (check.Status, check.ExpiredAt));
        Assert.Null(check.UserId);
    }

    [Fact]
    public async Task A_token_of_a_locked_account_is_refused()
    {
        var admin = await _host.CreateUserAsync("admin@example.com", isAdministrator: true);
        await using var scope = _host.WithoutTeam();
        var tokens = scope.Get<PersonalAccessTokens>();
        var created = await tokens.CreateAsync(_user.Id, "script", 30, Ct);

        await scope.Get<UserAdministration>().SetLockedAsync(admin.Id, _user.Id, locked: true, Ct);

        Assert.Equal(AccessTokenStatus.InvalidOrRevoked, (await tokens.CheckAsync(created.Secret, Ct)).Status);
    }

    [Fact]
    public async Task Failed_sign_ins_lock_the_password_but_not_the_accounts_tokens()
    {
        await using var scope = _host.WithoutTeam();
        var tokens = scope.Get<PersonalAccessTokens>();
        var created = await tokens.CreateAsync(_user.Id, "nightly job", 30, Ct);
        var users = scope.Get<UserManager<PortalUser>>();
        var user = (await users.FindByIdAsync(_user.Id.ToString()))!;

        while (!await users.IsLockedOutAsync(user))
        {
            await users.AccessFailedAsync(user);
        }

        Assert.Equal(AccessTokenStatus.Valid, (await tokens.CheckAsync(created.Secret, Ct)).Status);
    }

    [Fact]
    public async Task Use_is_remembered_at_most_once_a_minute()
    {
        await using var scope = _host.WithoutTeam();
        var tokens = scope.Get<PersonalAccessTokens>();
        var created = await tokens.CreateAsync(_user.Id, "script", 30, Ct);

        await tokens.CheckAsync(created.Secret, Ct);
        var firstUse = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromSeconds(20));
        await tokens.CheckAsync(created.Secret, Ct);

        Assert.Equal(firstUse, (await tokens.ListAsync(_user.Id, Ct)).Single().LastUsedAt);
    }

    [Fact]
    public async Task A_token_revoked_after_a_check_is_refused_on_the_next()
    {
        await using var scope = _host.WithoutTeam();
        var tokens = scope.Get<PersonalAccessTokens>();
        var created = await tokens.CreateAsync(_user.Id, "laptop", 7, Ct);
        var before = await tokens.CheckAsync(created.Secret, Ct);

        await tokens.RevokeAsync(_user.Id, created.Token.Id, Ct);

        Assert.Equal(AccessTokenStatus.Valid, before.Status);
        Assert.Equal(AccessTokenStatus.InvalidOrRevoked, (await tokens.CheckAsync(created.Secret, Ct)).Status);
    }

    [Fact]
    public async Task A_token_revoked_by_another_portal_process_is_refused_within_a_second()
    {
        await using var scope = _host.WithoutTeam();
        var tokens = scope.Get<PersonalAccessTokens>();
        var created = await tokens.CreateAsync(_user.Id, "laptop", 7, Ct);
        await tokens.CheckAsync(created.Secret, Ct);

        // Another replica revokes it: this process hears nothing of it and learns it from the database.
        await using (var db = await scope.DbAsync())
        {
            var revokedAt = _clock.GetUtcNow();
            await db.PersonalAccessTokens.ExecuteUpdateAsync(t => t.SetProperty(x => x.RevokedAt, revokedAt), Ct);
        }

        var atOnce = await tokens.CheckAsync(created.Secret, Ct);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var aSecondLater = await tokens.CheckAsync(created.Secret, Ct);

        Assert.Equal((AccessTokenStatus.Valid, AccessTokenStatus.InvalidOrRevoked), (atOnce.Status, aSecondLater.Status));
    }

    [Fact]
    public async Task Another_users_token_cannot_be_revoked_and_stays_valid()
    {
        var other = await _host.CreateUserAsync("other@example.com");
        await using var scope = _host.WithoutTeam();
        var tokens = scope.Get<PersonalAccessTokens>();
        var created = await tokens.CreateAsync(_user.Id, "mine", 30, Ct);

        await Assert.ThrowsAsync<NotFoundException>(() => tokens.RevokeAsync(other.Id, created.Token.Id, Ct));

        Assert.Equal(AccessTokenStatus.Valid, (await tokens.CheckAsync(created.Secret, Ct)).Status);
    }

    [Fact]
    public async Task A_name_and_a_listed_lifetime_are_required()
    {
        await using var scope = _host.WithoutTeam();

        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(
            () => scope.Get<PersonalAccessTokens>().CreateAsync(_user.Id, "", 1000, Ct));

        Assert.Equal(["LifetimeDays", "Name"], invalid.Errors.Keys.Order());
    }
}

using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Tests.Teams;

public sealed class TeamAccessRecheckTests : IAsyncLifetime
{
    private ServicesHost _host = null!;
    private AsyncServiceScope _scope;
    private Guid _team;
    private Guid _user;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _scope = _host.Services.CreateAsyncScope();
        _team = await _host.DemoTeamIdAsync();
        await using var scope = _host.Services.CreateAsyncScope();
        var user = new PortalUser { UserName = "mallory@example.com", Email = "mallory@example.com", DisplayName = "Mallory", CreatedAt = DateTimeOffset.UtcNow };
        await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().CreateAsync(user, "correct horse battery");
        _user = user.Id;
        await ChangeMembershipAsync(db => db.TeamMemberships.Add(new TeamMembership { TeamId = _team, UserId = _user, Role = TeamRole.Editor }));
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Access_entered_earlier_holds_while_the_membership_is_unchanged()
    {
        var access = await ResolveAsync();

        Assert.True(await Resolver.StillHoldsAsync(access, Cancel));
    }

    [Fact]
    public async Task Access_entered_earlier_no_longer_holds_after_a_demotion()
    {
        var access = await ResolveAsync();
        await ChangeMembershipAsync(db => db.TeamMemberships.Single(m => m.UserId == _user).Role = TeamRole.Viewer);

        Assert.False(await Resolver.StillHoldsAsync(access, Cancel));
    }

    [Fact]
    public async Task Access_entered_earlier_no_longer_holds_after_a_removal()
    {
        var access = await ResolveAsync();
        await ChangeMembershipAsync(db => db.TeamMemberships.Remove(db.TeamMemberships.Single(m => m.UserId == _user)));

        Assert.False(await Resolver.StillHoldsAsync(access, Cancel));
    }

    private TeamAccessResolver Resolver => _scope.ServiceProvider.GetRequiredService<TeamAccessResolver>();

    private async Task<TeamAccess> ResolveAsync() => (await Resolver.ResolveAsync(_user, _team, Cancel))!;

    private async Task ChangeMembershipAsync(Action<Data.PortalDbContext> change)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<Data.PortalDbContext>>().CreateDbContextAsync(Cancel);
        change(db);
        await db.SaveChangesAsync(Cancel);
    }
}

using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Teams;

public sealed class ConfiguredAdministratorTests
{
    [Fact]
    public async Task An_unattended_install_creates_the_administrator_from_configuration_as_owner_of_the_demo_team()
    {
        await using var host = await ServicesHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Portal:Setup:AdministratorEmail"] = "ops@example.com",
            ["Portal:Setup:AdministratorPassword"] = "a long enough password",
            ["Portal:Setup:AdministratorName"] = "Ops",
        });
        await using var scope = host.WithoutTeam();
        var users = scope.Get<UserManager<PortalUser>>();

        var admin = await users.FindByEmailAsync("ops@example.com");

        Assert.NotNull(admin);
        Assert.True(admin.IsAdministrator);
        Assert.Equal("Ops", admin.DisplayName);
        Assert.True(await users.CheckPasswordAsync(admin, "a long enough password"));
        Assert.True(await scope.Get<SetupState>().IsCompleteAsync(TestContext.Current.CancellationToken));
        await using var db = await scope.DbAsync();
        var demo = await host.DemoTeamIdAsync();
        Assert.True(await db.TeamMemberships.AnyAsync(m => m.TeamId == demo && m.UserId == admin.Id && m.Role == TeamRole.Owner, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_email_without_a_password_stops_the_start_naming_the_missing_key()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServicesHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Portal:Setup:AdministratorEmail"] = "ops@example.com",
        }));

        Assert.Contains("Portal:Setup:AdministratorPassword", failure.Message);
    }

    [Fact]
    public async Task A_restart_with_the_settings_still_present_changes_nothing()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Portal:Setup:AdministratorEmail"] = "ops@example.com",
            ["Portal:Setup:AdministratorPassword"] = "a long enough password",
        };
        var first = await ServicesHost.StartAsync(settings: settings);
        await first.StopAsync();

        await using var second = await ServicesHost.StartAsync(dataFolder: first.DataFolder, settings: settings);
        await using var scope = second.WithoutTeam();

        Assert.Equal(1, await scope.Get<UserManager<PortalUser>>().Users.CountAsync(TestContext.Current.CancellationToken));
    }
}

using AiNative.Services;
using AiNative.Services.Data;
using AiNative.Services.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiNative.Testing;

/// <summary>
/// The services layer alone, on a real database of its own (a SQLite file in its folder, or a
/// PostgreSQL database: <see cref="TestDatabase"/>), migrated and seeded as at a portal's first start.
/// </summary>
public sealed class ServicesHost : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private ServicesHost(IHost host, string dataFolder)
    {
        _host = host;
        DataFolder = dataFolder;
    }

    public string DataFolder { get; }

    public IServiceProvider Services => _host.Services;

    public const string Password = "correct horse battery";

    public static async Task<ServicesHost> StartAsync(
        Action<IServiceCollection>? configure = null,
        string? dataFolder = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var folder = dataFolder ?? Path.Combine(Path.GetTempPath(), "ainative-tests", Guid.NewGuid().ToString("N"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(TestDatabase.Settings(folder));
        builder.Configuration.AddInMemoryCollection(TestDatabase.Defaults);
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        IHost? host = null;
        try
        {
            // Registration reads configuration too (the key ring's certificate), so it may fail the start as well.
            builder.Services.AddPortalServices(builder.Configuration);
            configure?.Invoke(builder.Services);
            host = builder.Build();
            await host.StartAsync();
        }
        catch
        {
            // A start that fails (a test of bad configuration) leaves no files behind.
            host?.Dispose();
            SqliteConnection.ClearAllPools();
            if (dataFolder is null)
            {
                TestDatabase.Delete(folder);
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }

            throw;
        }

        return new ServicesHost(host, folder);
    }

    /// <summary>A scope working in <paramref name="teamId"/> with <paramref name="role"/>, as a member named "Test User".</summary>
    public TeamScope InTeam(Guid teamId, TeamRole role = TeamRole.Owner) => Services.InTeam(teamId, role);

    public async Task<Guid> DemoTeamIdAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Teams.Where(t => t.Slug == DemoTeam.Slug).Select(t => t.Id).SingleAsync();
    }

    public async Task<Guid> CreateTeamAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var team = new Team { Name = name, Slug = name.ToLowerInvariant().Replace(' ', '-'), CreatedAt = DateTimeOffset.UtcNow };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team.Id;
    }

    /// <summary>Arranges an account (with <see cref="Password"/>) and its memberships, as the admin pages do in the product.</summary>
    public async Task<PortalUser> CreateUserAsync(string email, bool isAdministrator = false, params (Guid TeamId, TeamRole Role)[] memberships)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            DisplayName = email.Split('@')[0],
            EmailConfirmed = true,
            IsAdministrator = isAdministrator,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        foreach (var (teamId, role) in memberships)
        {
            db.TeamMemberships.Add(new TeamMembership { TeamId = teamId, UserId = user.Id, Role = role, CreatedAt = DateTimeOffset.UtcNow });
        }

        await db.SaveChangesAsync();
        return user;
    }

    /// <summary>Resolves a service in a scope of its own, outside any team.</summary>
    public TeamScope WithoutTeam() => Services.CreateAsyncScopeWithoutTeam();

    /// <summary>Stops the host; the data folder stays, so a test can start a new host on it (a restart).</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        TestDatabase.Delete(DataFolder);
        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }
}

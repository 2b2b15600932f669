using System.Net;
using System.Text.RegularExpressions;
using AiNative.Portal.Client.Http;
using AiNative.Services.Data;
using AiNative.Services.Platform.AccessTokens;
using AiNative.Services.Teams;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiNative.Testing;

/// <summary>
/// The real portal on a fresh database (<see cref="TestDatabase"/>) and blob folder of its own, with helpers to arrange
/// users and to sign in through the real login form.
/// </summary>
public sealed partial class PortalFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@example.com";
    public const string AdminName = "Ada Admin";
    public const string Password = "correct horse battery";

    private readonly Dictionary<string, string?> _settings = [];
    private readonly List<Action<IServiceCollection>> _services = [];

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "ainative-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Overrides a configuration value (use before the portal starts).</summary>
    public PortalFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Replaces or adds services after the portal's own (use before the portal starts).</summary>
    public PortalFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>The address of the Kestrel server, after <c>UseKestrel()</c> and <c>StartServer()</c>.</summary>
    public Uri ServerAddress =>
        new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public async Task<PortalUser> CreateAdministratorAsync()
    {
        using var scope = Services.CreateScope();
        var setup = scope.ServiceProvider.GetRequiredService<AdministratorSetup>();
        return await setup.CreateFirstAdministratorAsync(AdminName, AdminEmail, Password, CancellationToken.None);
    }

    /// <summary>Arranges a user with the given memberships (the admin pages do this in the product).</summary>
    public async Task<PortalUser> CreateUserAsync(string email, string displayName, params (Guid TeamId, TeamRole Role)[] memberships)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, DisplayName = displayName, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await using var db = await DbAsync(scope);
        foreach (var (teamId, role) in memberships)
        {
            db.TeamMemberships.Add(new TeamMembership { TeamId = teamId, UserId = user.Id, Role = role, CreatedAt = DateTimeOffset.UtcNow });
        }

        await db.SaveChangesAsync();
        return user;
    }

    public async Task<Guid> CreateTeamAsync(string name)
    {
        using var scope = Services.CreateScope();
        await using var db = await DbAsync(scope);
        var team = new Team { Name = name, Slug = name.ToLowerInvariant().Replace(' ', '-'), CreatedAt = DateTimeOffset.UtcNow };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team.Id;
    }

    public async Task<Guid> DemoTeamIdAsync()
    {
        using var scope = Services.CreateScope();
        await using var db = await DbAsync(scope);
        return await db.Teams.Where(t => t.Slug == DemoTeam.Slug).Select(t => t.Id).SingleAsync();
    }

    /// <summary>A personal access token of the user, as created on the tokens page.</summary>
    public async Task<string> CreateAccessTokenAsync(Guid userId, int lifetimeDays = 30)
    {
        using var scope = Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<PersonalAccessTokens>().CreateAsync(userId, "tests", lifetimeDays, CancellationToken.None);
        return created.Secret;
    }

    /// <summary>A client that sends <paramref name="token"/> as its bearer token, and no cookie nor client header.</summary>
    public HttpClient CreateTokenClient(string token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>An HTTP client signed in through the login form, sending the portal's client header.</summary>
    public async Task<HttpClient> SignInAsync(string email = AdminEmail, string password = Password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await SignInAsync(client, email, password);
        return client;
    }

    /// <summary>Signs <paramref name="client"/> (which keeps cookies and does not follow redirects) in through the login form, as a browser would.</summary>
    public static async Task SignInAsync(HttpClient client, string email, string password = Password)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = AntiforgeryToken(form);
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed with {(int)response.StatusCode}.");
        }

        client.DefaultRequestHeaders.Add(PortalApiClient.ClientHeader, "test");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in TestDatabase.Settings(DataFolder).Concat(TestDatabase.Defaults).Concat(_settings))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services => _services.ForEach(configure => configure(services)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        TestDatabase.Delete(DataFolder);
        if (Directory.Exists(DataFolder))
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }

    /// <summary>The antiforgery token of the (first) form in a page, as a browser would post it back.</summary>
    public static string AntiforgeryToken(string html) => WebUtility.HtmlDecode(AntiforgeryField().Match(html).Groups[1].Value);

    private static Task<PortalDbContext> DbAsync(IServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

using AiNative.Services.Models;
using AiNative.Services.Teams;
using AiNative.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Portal.Tests.Runs;

/// <summary>One portal for a test class: the administrator signed in, and a demo-team model on the fake provider.</summary>
public sealed class RunsPortal : IAsyncLifetime
{
    public PortalFactory Portal { get; } = new();

    public FakeOpenAiServer Provider { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public Guid DemoTeam { get; private set; }

    public Guid ModelId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Provider = await FakeOpenAiServer.StartAsync();
        Provider.ChunkDelay = TimeSpan.Zero;
        await Portal.CreateAdministratorAsync();
        Admin = await Portal.SignInAsync();
        DemoTeam = await Portal.DemoTeamIdAsync();
        ModelId = (await AddModelAsync(DemoTeam, FakeOpenAiServer.ChatModel)).Id;
    }

    /// <summary><c>/api/teams/{demo team}/runs{relative}</c>.</summary>
    public string Runs(string relative = "") => $"/api/teams/{DemoTeam}/runs{relative}";

    public async Task<ModelDefinition> AddModelAsync(Guid teamId, string providerModel)
    {
        await using var scope = new TeamScope(Portal.Services.CreateAsyncScope());
        scope.Get<TeamContext>().Enter(TeamAccess.ForSystem(teamId, "Arranged"));
        return await scope.AddOpenAiCompatibleModelAsync(Provider.BaseUrl, providerModel);
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Provider.DisposeAsync();
        Portal.Dispose();
    }
}

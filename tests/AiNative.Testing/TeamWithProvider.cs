using AiNative.Services.Teams;

namespace AiNative.Testing;

/// <summary>
/// A fresh services host, the fake provider (streaming without pauses), and a scope in the demo
/// team with the given role: what tests of the call path need.
/// </summary>
public sealed class TeamWithProvider : IAsyncDisposable
{
    private TeamWithProvider(ServicesHost host, FakeOpenAiServer provider, TeamScope scope)
    {
        Host = host;
        Provider = provider;
        Scope = scope;
    }

    public ServicesHost Host { get; }

    public FakeOpenAiServer Provider { get; }

    public TeamScope Scope { get; }

    public static async Task<TeamWithProvider> StartAsync(TeamRole role)
    {
        var host = await ServicesHost.StartAsync();
        var provider = await FakeOpenAiServer.StartAsync();
        provider.ChunkDelay = TimeSpan.Zero;
        return new TeamWithProvider(host, provider, host.InTeam(await host.DemoTeamIdAsync(), role));
    }

    public async ValueTask DisposeAsync()
    {
        await Scope.DisposeAsync();
        await Provider.DisposeAsync();
        await Host.DisposeAsync();
    }
}

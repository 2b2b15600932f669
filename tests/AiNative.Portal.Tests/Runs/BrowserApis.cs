using AiNative.Portal.Client;
using AiNative.Portal.Client.Contracts.Runs;
using AiNative.Portal.Client.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Portal.Tests.Runs;

/// <summary>The API implementations the WebAssembly side registers, over a test client instead of the browser's.</summary>
internal static class BrowserApis
{
    public static IRunsApi Runs(HttpClient client, Guid teamId)
    {
        var services = new ServiceCollection()
            .AddHttpApis(client.BaseAddress!)
            .AddScoped(_ => client)
            .BuildServiceProvider();
        services.GetRequiredService<CurrentTeam>().Set(teamId);
        return services.GetRequiredService<IRunsApi>();
    }
}

using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http.Headers;
using AiNative.Services.Data;
using AiNative.Services.Gateway.Keys;
using AiNative.Services.Gateway.Routes;
using AiNative.Services.Models;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using AiNative.Services.Traces.Recording;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;

namespace AiNative.Portal.Tests.Gateway;

/// <summary>The portal with the fake provider, and what gateway tests arrange in the demo team: models, routes, keys.</summary>
internal sealed class GatewayPortal : IAsyncDisposable
{
    private GatewayPortal(PortalFactory portal, PortalUser administrator, FakeOpenAiServer provider, Guid teamId)
    {
        Portal = portal;
        Administrator = administrator;
        Provider = provider;
        TeamId = teamId;
    }

    public PortalFactory Portal { get; }

    /// <summary>The portal's administrator, owner of the demo team.</summary>
    public PortalUser Administrator { get; }

    public FakeOpenAiServer Provider { get; }

    public Guid TeamId { get; }

    public static async Task<GatewayPortal> StartAsync()
    {
        var portal = new PortalFactory();
        var administrator = await portal.CreateAdministratorAsync();
        var provider = await FakeOpenAiServer.StartAsync();
        provider.ChunkDelay = TimeSpan.Zero;
        return new GatewayPortal(portal, administrator, provider, await portal.DemoTeamIdAsync());
    }

    public async Task<ModelDefinition> ModelAsync(string providerModelId, ModelKind kind = ModelKind.Chat, decimal inputPrice = 2m, decimal outputPrice = 8m)
    {
        await using var scope = Portal.Services.InTeam(TeamId);
        return await scope.AddOpenAiCompatibleModelAsync(Provider.BaseUrl, providerModelId, kind, inputPrice: inputPrice, outputPrice: outputPrice,
            embeddingDimensions: kind == ModelKind.Embedding ? FakeOpenAiServer.EmbeddingDimensions : null);
    }

    public async Task<GatewayRoute> RouteAsync(string name, IReadOnlyList<RouteTarget> targets, IReadOnlyList<Guid>? fallbacks = null, int cacheSeconds = 0,
        RouteGuard guard = RouteGuard.None, string? schema = null, int retries = 1)
    {
        await using var scope = Portal.Services.InTeam(TeamId);
        return await scope.Get<GatewayRoutes>().CreateAsync(new GatewayRouteInput
        {
            Name = name,
            Targets = targets,
            Fallbacks = fallbacks ?? [],
            CacheSeconds = cacheSeconds,
            Guard = guard,
            JsonSchema = schema,
            RetriesPerTarget = retries,
            TimeoutSeconds = 20,
        }, CancellationToken.None);
    }

    public async Task<CreatedGatewayKey> KeyAsync(GatewayKeyInput? input = null)
    {
        await using var scope = Portal.Services.InTeam(TeamId);
        return await scope.Get<GatewayKeys>().CreateAsync(input ?? new GatewayKeyInput { Name = "tests" }, CancellationToken.None);
    }

    /// <summary>The official OpenAI client, pointed at the portal's <c>/v1</c> with <paramref name="key"/>.</summary>
    public OpenAIClient OpenAi(string key) => new(new ApiKeyCredential(key), new OpenAIClientOptions
    {
        Endpoint = new Uri(Portal.CreateClient().BaseAddress!, "v1"),
        Transport = new HttpClientPipelineTransport(Portal.CreateClient()),
        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
    });

    /// <summary>A plain HTTP client with <paramref name="key"/> as its bearer, for headers and raw bodies.</summary>
    public HttpClient Http(string key)
    {
        var client = Portal.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>The gateway traces saved so far, newest first, after the trace writer caught up.</summary>
    public async Task<List<Trace>> TracesAsync()
    {
        await Portal.Services.GetRequiredService<TraceWriter>().CatchUpAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        await using var scope = Portal.Services.InTeam(TeamId);
        await using var db = await scope.DbAsync();
        return await db.Traces.AsNoTracking().Where(t => t.Source == TraceSource.Gateway).OrderByDescending(t => t.StartedAt).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        Portal.Dispose();
    }
}

using AiNative.Services.Traces;
using AiNative.Services.Data;
using AiNative.Services.Models.Invocation;
using AiNative.Services.Models.Offline;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Models.Connections;

/// <summary>
/// Tests whether a provider answers with its key: lists its models, or, when it lists none, asks a
/// registered chat model for one token through the invocation path. Failures are results, not errors.
/// </summary>
public sealed class ProviderConnectionTester(
    IDbContextFactory<PortalDbContext> dbFactory,
    ModelClientFactory clients,
    ModelInvoker invoker,
    TeamContext team,
    TimeProvider clock)
{
    // Success statuses the listing path cannot read (OllamaSharp returns only the models).
    private const int Ok = 200;

    public async Task<ConnectionTestResult> TestAsync(Guid providerId, CancellationToken cancellationToken)
    {
        // Editor, not Viewer: a test may cost a token, and it makes the server open connections.
        team.Require(TeamRole.Editor);
        var provider = await LoadAsync(providerId, cancellationToken);
        if (provider.Kind == ProviderKind.Offline)
        {
            return new ConnectionTestResult(ConnectionOutcome.Reachable, null, TimeSpan.Zero, ConnectionProbe.BuiltIn,
                [OfflineModels.ChatModelId, OfflineModels.EmbeddingModelId],
                "The built-in offline provider runs inside the portal and is always available. Its models are not language models.", []);
        }

        var started = clock.GetTimestamp();
        try
        {
            var (status, ids) = await ListModelIdsAsync(provider, cancellationToken);
            return Listed(provider, status, ids, clock.GetElapsedTime(started));
        }
        catch (Exception e) when (ProviderErrors.Map(e, provider, null, clients.ApiKeyOf(provider), cancellationToken) is { } failure)
        {
            var chatModel = provider.Models.Where(m => m.Kind == ModelKind.Chat).OrderBy(m => m.Name).FirstOrDefault();
            return failure.Failure == ProviderFailure.NotFound && chatModel is not null
                ? await CallOneTokenAsync(provider, chatModel, cancellationToken)
                : Failed(failure, clock.GetElapsedTime(started), ConnectionProbe.ListedModels);
        }
    }

    private async Task<(int Status, IReadOnlyList<string> Ids)> ListModelIdsAsync(ModelProvider provider, CancellationToken cancellationToken)
    {
        if (provider.Kind == ProviderKind.Ollama)
        {
            var local = await clients.CreateOllama(provider).ListLocalModelsAsync(cancellationToken);
            return (Ok, local.Select(m => m.Name).Order().ToList());
        }

        var listed = await clients.CreateOpenAI(provider).GetOpenAIModelClient().GetModelsAsync(cancellationToken);
        return (listed.GetRawResponse().Status, listed.Value.Select(m => m.Id).Order().ToList());
    }

    /// <summary>Reachable, with the listed ids and the team's models the provider does not list.</summary>
    private static ConnectionTestResult Listed(ModelProvider provider, int status, IReadOnlyList<string> ids, TimeSpan latency)
    {
        var unlisted = Unlisted(provider, ids);
        var warning = unlisted.Count == 0 ? string.Empty
            : $" It does not list {string.Join(", ", unlisted.Select(m => $"'{m.ProviderModelId}' (model '{m.Name}')"))}: check the model id, or pull the model on the server.";
        return new ConnectionTestResult(ConnectionOutcome.Reachable, status, latency, ConnectionProbe.ListedModels, ids,
            $"Provider '{provider.Name}' answered in {latency.TotalMilliseconds:N0} ms and lists {ids.Count} model(s).{warning}",
            [.. unlisted.Select(m => m.Name)]);
    }

    private async Task<ConnectionTestResult> CallOneTokenAsync(ModelProvider provider, ModelDefinition model, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        try
        {
            var result = await invoker.InvokeAsync(
                new ChatInvocation
                {
                    ModelId = model.Id,
                    Messages = [new ChatMessage(ChatRole.User, "Reply with OK.")],
                    Settings = new GenerationSettings { MaxOutputTokens = 1 },
                    Source = TraceSource.ConnectionTest,
                },
                cancellationToken);
            return new ConnectionTestResult(ConnectionOutcome.Reachable, null, result.Latency, ConnectionProbe.OneTokenCall, [model.ProviderModelId],
                $"Provider '{provider.Name}' lists no models, but model '{model.Name}' answered a one-token call in {result.Latency.TotalMilliseconds:N0} ms.", []);
        }
        catch (ProviderCallException failure)
        {
            return Failed(failure, clock.GetElapsedTime(started), ConnectionProbe.OneTokenCall);
        }
    }

    private static ConnectionTestResult Failed(ProviderCallException failure, TimeSpan latency, ConnectionProbe probe) =>
        new(Outcome(failure.Failure), failure.ProviderStatus, latency, probe, [], failure.Message, []);

    /// <summary>The provider's registered models whose ids it does not list; Ollama lists an untagged model as <c>name:latest</c>.</summary>
    private static List<ModelDefinition> Unlisted(ModelProvider provider, IReadOnlyList<string> listed)
    {
        var ids = listed.ToHashSet(StringComparer.Ordinal);
        return provider.Models
            .Where(m => !ids.Contains(m.ProviderModelId) && !ids.Contains($"{m.ProviderModelId}:latest"))
            .OrderBy(m => m.Name)
            .ToList();
    }

    private static ConnectionOutcome Outcome(ProviderFailure failure) => failure switch
    {
        ProviderFailure.Unauthorized => ConnectionOutcome.Unauthorized,
        ProviderFailure.NotFound => ConnectionOutcome.NotFound,
        ProviderFailure.RateLimited => ConnectionOutcome.RateLimited,
        ProviderFailure.ProviderError => ConnectionOutcome.ProviderError,
        ProviderFailure.Timeout => ConnectionOutcome.TimedOut,
        ProviderFailure.Unreachable => ConnectionOutcome.Unreachable,
        ProviderFailure.AddressRefused => ConnectionOutcome.AddressRefused,
        _ => ConnectionOutcome.Rejected,
    };

    private async Task<ModelProvider> LoadAsync(Guid providerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ModelProviders.AsNoTracking().Include(p => p.Models).SingleOrDefaultAsync(p => p.Id == providerId, cancellationToken)
            ?? throw new NotFoundException("Provider", providerId);
    }
}

using AiNative.Services.Data;
using AiNative.Services.Gateway.Keys;
using AiNative.Services.Gateway.Limits;
using AiNative.Services.Models;
using AiNative.Services.Models.Invocation;
using AiNative.Services.Traces;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Gateway.Calls;

/// <summary>Embeddings through the gateway: one of the team's embedding models by name, counted against the key's rate limits, recorded as a trace.</summary>
public sealed class GatewayEmbeddings(ModelInvoker invoker, GatewayLimits limits, TokenCounter tokens, IDbContextFactory<PortalDbContext> dbFactory)
{
    public const int MaxInputs = 2048;

    public async Task<EmbeddingResult> EmbedAsync(GatewayCaller caller, string model, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (!caller.MayCall(model))
        {
            throw GatewayException.Forbidden($"Key '{caller.KeyName}' may not call '{model}'.");
        }

        if (texts.Count is 0 or > MaxInputs)
        {
            throw GatewayException.InvalidRequest("input", $"Send 1 to {MaxInputs} inputs to embed.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var modelId = await db.Models.AsNoTracking().Where(m => m.Name == model && m.Kind == ModelKind.Embedding)
            .Select(m => (Guid?)m.Id).SingleOrDefaultAsync(cancellationToken) ?? throw GatewayException.ModelNotFound(model);
        await limits.CountRequestAsync(caller, () => texts.Sum(t => (long)tokens.Count(t)), cancellationToken);
        return await invoker.EmbedAsync(new EmbeddingInvocation { ModelId = modelId, Texts = texts, Source = TraceSource.Gateway }, cancellationToken);
    }
}

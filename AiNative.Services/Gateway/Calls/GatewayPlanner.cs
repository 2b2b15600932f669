using AiNative.Services.Data;
using AiNative.Services.Gateway.Keys;
using AiNative.Services.Gateway.Routes;
using AiNative.Services.Models;
using AiNative.Services.Models.Pipeline;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Gateway.Calls;

/// <summary>Turns the <c>model</c> an application sent into the models to try: a route's chosen target and fallbacks, or one model of the team.</summary>
public sealed class GatewayPlanner(GatewayRoutes routes, ModelLookup models, IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<GatewayPlan> PlanAsync(GatewayCaller caller, GatewayChatRequest request, CancellationToken cancellationToken)
    {
        if (!caller.MayCall(request.Model))
        {
            throw GatewayException.Forbidden($"Key '{caller.KeyName}' may not call '{request.Model}'. It may call: {string.Join(", ", caller.AllowedModels)}.");
        }

        var route = await routes.FindAsync(request.Model, cancellationToken);
        if (route is null)
        {
            var model = await FindChatModelAsync(request.Model, cancellationToken) ?? throw GatewayException.ModelNotFound(request.Model);
            return new GatewayPlan(request.Model, null, [model]);
        }

        var chosen = TargetPicker.Pick(route, request.EndUser).ModelId;
        var candidates = new List<ModelDefinition>();
        foreach (var id in route.Fallbacks.Prepend(chosen).Distinct())
        {
            // A model deleted since the route was saved is left out; the route page shows it as missing.
            if (await models.FindAsync(id, cancellationToken) is { Kind: ModelKind.Chat } model)
            {
                candidates.Add(model);
            }
        }

        return candidates.Count > 0
            ? new GatewayPlan(route.Name, route, candidates)
            : throw new GatewayException(502, "api_error", "route_without_models",
                $"Route '{route.Name}' has no model left to call: its targets and fallbacks were deleted. Edit the route on the Gateway page.");
    }

    private async Task<ModelDefinition?> FindChatModelAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = await db.Models.AsNoTracking().Where(m => m.Name == name && m.Kind == ModelKind.Chat).Select(m => (Guid?)m.Id).SingleOrDefaultAsync(cancellationToken);
        return id is { } modelId ? await models.FindAsync(modelId, cancellationToken) : null;
    }
}

using AiNative.Services.Data;
using AiNative.Services.Gateway.Keys;
using AiNative.Services.Gateway.Routes;
using AiNative.Services.Models;
using AiNative.Services.Models.Pipeline;
using AiNative.Services.Prompts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Gateway.Calls;

/// <summary>Turns the <c>model</c> an application sent into the models to try: a route's chosen target and fallbacks, or one model of the team.</summary>
public sealed class GatewayPlanner(GatewayRoutes routes, ModelLookup models, IDbContextFactory<PortalDbContext> dbFactory, PromptRenderer prompts)
{
    /// <summary>The label a prompt model without one means: <c>prompt:support</c> is <c>prompt:support@production</c>.</summary>
    public const string DefaultLabel = LabelNames.Production;

    public async Task<GatewayPlan> PlanAsync(GatewayCaller caller, GatewayChatRequest request, CancellationToken cancellationToken)
    {
        if (!caller.MayCall(request.Model))
        {
            throw GatewayException.Forbidden($"Key '{caller.KeyName}' may not call '{request.Model}'. It may call: {string.Join(", ", caller.AllowedModels)}.");
        }

        if (request.Model.StartsWith(GatewayRoutes.PromptPrefix, StringComparison.Ordinal))
        {
            return await PlanPromptAsync(request, cancellationToken);
        }

        var (route, modelId) = await routes.FindAsync(request.Model, cancellationToken);
        if (route is null)
        {
            var model = modelId is { } id && await models.FindAsync(id, cancellationToken) is { } found ? found : throw GatewayException.ModelNotFound(request.Model);
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

    /// <summary>Reads the label now, so that moving it is a hot swap: the next request runs the version it points at.</summary>
    private async Task<GatewayPlan> PlanPromptAsync(GatewayChatRequest request, CancellationToken cancellationToken)
    {
        var reference = request.Model[GatewayRoutes.PromptPrefix.Length..];
        var at = reference.LastIndexOf('@');
        var (name, label) = at < 0 ? (reference, DefaultLabel) : (reference[..at], reference[(at + 1)..]);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await db.PromptVersions.AsNoTracking().Include(v => v.Prompt)
            .Where(v => db.PromptLabels.Any(l => l.VersionId == v.Id && l.Name == label && l.Prompt.Name == name))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw GatewayException.ModelNotFound(request.Model);
        if (version.Retrieval is not null)
        {
            throw GatewayException.InvalidRequest("model",
                $"Prompt '{name}' version {version.Number} searches a knowledge base, which the gateway does not do yet. Call it from the playground, or save a version without retrieval.");
        }

        var model = version.ModelId is { } modelId ? await models.FindAsync(modelId, cancellationToken) : null;
        if (model is not { Kind: ModelKind.Chat })
        {
            throw new GatewayException(502, "api_error", "prompt_without_model",
                $"Prompt '{name}' version {version.Number} has no chat model to run on; save a version with one.");
        }

        var rendered = await prompts.RenderVersionAsync(version.PromptId, version.Number, request.Variables, cancellationToken);
        List<ChatMessage> messages = [];
        if (rendered.System.Length > 0)
        {
            messages.Add(new ChatMessage(ChatRole.System, rendered.System));
        }

        if (rendered.User.Length > 0)
        {
            messages.Add(new ChatMessage(ChatRole.User, rendered.User));
        }

        messages.AddRange(request.Messages);
        return new GatewayPlan(request.Model, null, [model])
        {
            Prompt = new PromptBinding(version.PromptId, version.Prompt.Name, version.Number, messages, version.Settings),
        };
    }
}

using AiNative.Services.Gateway.Keys;
using AiNative.Services.Gateway.Routes;
using AiNative.Services.Models;
using AiNative.Services.Models.Pipeline;
using AiNative.Services.Prompts;
using AiNative.Services.Prompts.Templates;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Gateway.Calls;

/// <summary>
/// Turns the <c>model</c> an application sent into the candidates to try: a route's chosen target (a model, or a prompt
/// version that runs on its model) and its fallbacks, one model of the team, or a prompt named directly.
/// </summary>
public sealed class GatewayPlanner(GatewayRoutes routes, ModelLookup models, PromptTargets promptTargets, PromptRenderer prompts)
{
    /// <summary>The label a prompt model without one means: <c>prompt:support</c> is <c>prompt:support@production</c>.</summary>
    public const string DefaultLabel = PromptReference.DefaultLabel;

    public async Task<GatewayPlan> PlanAsync(GatewayCaller caller, GatewayChatRequest request, CancellationToken cancellationToken)
    {
        if (!caller.MayCall(request.Model))
        {
            throw GatewayException.Forbidden($"Key '{caller.KeyName}' may not call '{request.Model}'. It may call: {string.Join(", ", caller.AllowedModels)}.");
        }

        if (PromptReference.IsPrompt(request.Model))
        {
            return await PlanPromptAsync(request, cancellationToken);
        }

        var (route, modelId) = await routes.FindAsync(request.Model, cancellationToken);
        if (request.Messages.Count == 0 && route?.Targets.Any(t => t.Prompt is not null) != true)
        {
            throw MessagesRequired();
        }

        if (route is null)
        {
            var model = modelId is { } id && await models.FindAsync(id, cancellationToken) is { } found ? found : throw GatewayException.ModelNotFound(request.Model);
            return new GatewayPlan(request.Model, null, [new GatewayCandidate(model.Name, model, null)]);
        }

        return await PlanRouteAsync(route, request, cancellationToken);
    }

    /// <summary>
    /// Picks a target by weight (sticky per end user); a target that cannot be used now (a deleted model, a prompt label
    /// that no longer exists) is skipped with its reason and the pick is made again among the others. The fallbacks
    /// follow the chosen target with what it sends: a prompt's rendered messages and settings, or the request's own.
    /// </summary>
    private async Task<GatewayPlan> PlanRouteAsync(GatewayRoute route, GatewayChatRequest request, CancellationToken cancellationToken)
    {
        var skipped = new List<GatewayAttempt>();
        var left = route.Targets;
        GatewayCandidate? chosen = null;
        while (chosen is null && left.Any(t => t.Weight > 0))
        {
            var target = TargetPicker.Pick(left, route.Id, request.EndUser);
            left = [.. left.Where(t => t != target)];
            (chosen, var problem) = await CandidateAsync(target, request, cancellationToken);
            if (problem is not null)
            {
                skipped.Add(new GatewayAttempt(Describe(target), false, problem, 0));
            }
        }

        var candidates = new List<GatewayCandidate>();
        if (chosen is not null)
        {
            candidates.Add(chosen);
        }

        if (chosen is not null || request.Messages.Count > 0)
        {
            foreach (var id in route.Fallbacks.Where(id => candidates.All(c => c.Model.Id != id)))
            {
                // A model deleted since the route was saved is left out; the route page shows it as missing.
                if (await models.FindAsync(id, cancellationToken) is { Kind: ModelKind.Chat } model)
                {
                    candidates.Add(new GatewayCandidate(model.Name, model, chosen?.Prompt));
                }
            }
        }

        return candidates.Count > 0
            ? new GatewayPlan(route.Name, route, candidates) { Skipped = skipped }
            : throw new GatewayException(502, "api_error", "route_without_targets",
                $"Route '{route.Name}' has nothing left to call: {(skipped.Count == 0 ? "its targets and fallbacks were deleted" : string.Join("; ", skipped.Select(s => $"target {s.Model}: {s.Failure}")))}. " +
                "Edit the route on the Gateway page.")
            {
                Attempts = skipped,
            };
    }

    /// <summary>What a target stands for now, or why it cannot be used for this request.</summary>
    private async Task<(GatewayCandidate? Candidate, string? Problem)> CandidateAsync(RouteTarget target, GatewayChatRequest request, CancellationToken cancellationToken)
    {
        if (target.Prompt is null)
        {
            return target.ModelId is { } id && await models.FindAsync(id, cancellationToken) is { Kind: ModelKind.Chat } model
                ? (new GatewayCandidate(model.Name, model, null), null)
                : (null, "the model was deleted");
        }

        if (PromptReference.Parse(target.Prompt, out var invalid) is not { } reference)
        {
            return (null, invalid);
        }

        var (version, problem) = await promptTargets.FindAsync(reference, cancellationToken);
        if (version is null || problem is not null)
        {
            return (null, problem);
        }

        return await BindAsync(reference, version, request, cancellationToken) is { } candidate
            ? (candidate, null)
            : (null, $"prompt '{reference.Name}' version {version.Number} has no chat model to run on; save a version with one");
    }

    /// <summary>A prompt named as the model: the reference is read now, so that moving its label is a hot swap.</summary>
    private async Task<GatewayPlan> PlanPromptAsync(GatewayChatRequest request, CancellationToken cancellationToken)
    {
        var reference = PromptReference.Parse(request.Model, out var invalid) ?? throw GatewayException.InvalidRequest("model", $"{invalid}");
        var (version, problem) = await promptTargets.FindAsync(reference, cancellationToken);
        if (version is null)
        {
            throw GatewayException.ModelNotFound(request.Model);
        }

        if (problem is not null)
        {
            throw version.Retrieval is not null
                ? GatewayException.InvalidRequest("model", $"The {problem}, or call it from the playground.")
                : new GatewayException(502, "api_error", "prompt_without_model", $"The {problem}.");
        }

        var candidate = await BindAsync(reference, version, request, cancellationToken)
            ?? throw new GatewayException(502, "api_error", "prompt_without_model",
                $"Prompt '{reference.Name}' version {version.Number} has no chat model to run on; save a version with one.");
        return new GatewayPlan(request.Model, null, [candidate]);
    }

    /// <summary>Renders the version with the request's variables (a missing one is the caller's error: 400) before the request's messages.</summary>
    private async Task<GatewayCandidate?> BindAsync(PromptReference reference, PromptVersion version, GatewayChatRequest request, CancellationToken cancellationToken)
    {
        if (version.ModelId is not { } modelId || await models.FindAsync(modelId, cancellationToken) is not { Kind: ModelKind.Chat } model)
        {
            return null;
        }

        var rendered = await prompts.RenderTemplatesAsync(PromptTemplates.Of(version), request.Variables, cancellationToken);
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
        if (messages.Count == 0)
        {
            throw MessagesRequired();
        }

        return new GatewayCandidate(reference.ToString(), model,
            new PromptBinding(version.PromptId, version.Prompt.Name, version.Id, version.Number, messages, version.Settings));
    }

    private static string Describe(RouteTarget target) => target.Prompt ?? $"model {target.ModelId}";

    private static GatewayException MessagesRequired() =>
        GatewayException.InvalidRequest("messages", "'messages' is required: an array with at least one message.");
}

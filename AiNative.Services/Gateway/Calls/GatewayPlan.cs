using AiNative.Services.Gateway.Routes;
using AiNative.Services.Models;

namespace AiNative.Services.Gateway.Calls;

/// <summary>
/// How the gateway will answer one request: the models to try in order (the chosen target, then the
/// fallbacks), each for at most <see cref="Timeout"/>, retried up to <see cref="Retries"/> times.
/// </summary>
public sealed record GatewayPlan(string Name, GatewayRoute? Route, IReadOnlyList<ModelDefinition> Candidates)
{
    /// <summary>The prompt the request named as its model, if it did.</summary>
    public PromptBinding? Prompt { get; init; }

    public TimeSpan Timeout => TimeSpan.FromSeconds(Route?.TimeoutSeconds ?? Candidates[0].Provider.TimeoutSeconds);

    public int Retries => Route?.RetriesPerTarget ?? 1;

    public RouteGuard Guard => Route?.Guard ?? RouteGuard.None;
}

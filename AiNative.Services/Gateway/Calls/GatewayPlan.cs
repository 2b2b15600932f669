using AiNative.Services.Gateway.Routes;

namespace AiNative.Services.Gateway.Calls;

/// <summary>
/// How the gateway will answer one request: the candidates to try in order (the chosen target, then the fallbacks),
/// each for at most <see cref="Timeout"/>, retried up to <see cref="Retries"/> times. <see cref="Skipped"/> holds the
/// targets that could not be used for this request (a prompt label deleted since the route was saved), each with its
/// reason, so the headers count them and the log shows why.
/// </summary>
public sealed record GatewayPlan(string Name, GatewayRoute? Route, IReadOnlyList<GatewayCandidate> Candidates)
{
    public IReadOnlyList<GatewayAttempt> Skipped { get; init; } = [];

    /// <summary>The prompt of the first candidate: what the request runs unless a fallback model takes over.</summary>
    public PromptBinding? Prompt => Candidates[0].Prompt;

    public TimeSpan Timeout => TimeSpan.FromSeconds(Route?.TimeoutSeconds ?? Candidates[0].Model.Provider.TimeoutSeconds);

    public int Retries => Route?.RetriesPerTarget ?? 1;

    public RouteGuard Guard => Route?.Guard ?? RouteGuard.None;
}

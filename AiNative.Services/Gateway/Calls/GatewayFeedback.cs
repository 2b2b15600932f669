using AiNative.Services.Gateway.Keys;
using AiNative.Services.Traces;
using AiNative.Services.Traces.Scoring;

namespace AiNative.Services.Gateway.Calls;

/// <summary>
/// Feedback an application sends on one of its answers, by the trace id the gateway gave it: a score of the
/// team's definitions (by default <c>user-feedback</c>, positive or negative), with a comment. A key scores only
/// the requests it made, so one application cannot rate another's.
/// </summary>
public sealed class GatewayFeedback(TraceScores scores)
{
    public const string DefaultScore = ScoreDefinitionsSeeder.UserFeedback;

    public Task<Score> AddAsync(GatewayCaller caller, Guid traceId, ScoreInput input, CancellationToken cancellationToken) =>
        scores.AddAsync(t => t.Source == TraceSource.Gateway && t.ActorId == caller.KeyId, traceId,
            input with { Name = string.IsNullOrWhiteSpace(input.Name) ? DefaultScore : input.Name }, ScoreSource.Api, cancellationToken);
}

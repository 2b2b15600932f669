using AiNative.Services.Teams;
using AiNative.Services.Traces.Recording;

namespace AiNative.Services.Traces;

/// <summary>Starts traces in the current team, by the current actor, with the team's privacy setting.</summary>
public sealed class TraceRecorder(TeamContext team, TraceWriter writer, LiveTraces live, TracePrivacySettings privacy, TimeProvider clock)
{
    public async ValueTask<ActiveTrace> StartAsync(TraceSource source, string name, CancellationToken cancellationToken)
    {
        var level = await privacy.GetAsync(team.TeamId, cancellationToken);
        var trace = new Trace
        {
            TeamId = team.TeamId,
            Source = source,
            Name = name.Length <= TraceRules.NameMaxLength ? name : name[..TraceRules.NameMaxLength],
            StartedAt = clock.GetUtcNow(),
            ActorId = team.Actor.UserId,
            ActorName = team.Actor.Name,
            Privacy = level,
        };
        return new ActiveTrace(trace, level, writer, live, clock);
    }
}

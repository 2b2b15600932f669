using AiNative.Services.Platform.Errors;
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

    /// <summary>
    /// Runs <paramref name="work"/> as one trace that ends with how the work ended: succeeded, cancelled, or
    /// failed with the problem it threw.
    /// </summary>
    public async Task<T> RecordAsync<T>(TraceSource source, string name, Func<ActiveTrace, Task<T>> work, CancellationToken cancellationToken)
    {
        var trace = await StartAsync(source, name, cancellationToken);
        var status = TraceStatus.Failed;
        try
        {
            var result = await work(trace);
            status = TraceStatus.Succeeded;
            return result;
        }
        catch (PortalException e)
        {
            trace.SetProblem(e.Title, e.Message);
            throw;
        }
        catch (OperationCanceledException)
        {
            status = TraceStatus.Cancelled;
            throw;
        }
        finally
        {
            await trace.EndAsync(status);
        }
    }
}

using AiNative.Services.Traces;
using AiNative.Services.Traces.Recording;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Testing;

/// <summary>What the trace writer saved, read after it caught up with everything queued before the read.</summary>
public static class RecordedTraces
{
    private static readonly TimeSpan CatchUpLimit = TimeSpan.FromSeconds(30);

    public static async Task CatchUpAsync(this TeamScope scope)
    {
        if (!await scope.Get<TraceWriter>().CatchUpAsync(CatchUpLimit, CancellationToken.None))
        {
            throw new TimeoutException("The trace writer did not save its queue in time.");
        }
    }

    public static async Task<Observation> ObservationAsync(this TeamScope scope, Guid observationId)
    {
        await scope.CatchUpAsync();
        await using var db = await scope.DbAsync();
        return await db.Observations.SingleAsync(o => o.Id == observationId);
    }

    /// <summary>The one call recorded for <paramref name="modelId"/>.</summary>
    public static async Task<Observation> SingleCallOfAsync(this TeamScope scope, Guid modelId)
    {
        await scope.CatchUpAsync();
        await using var db = await scope.DbAsync();
        return await db.Observations.SingleAsync(o => o.ModelId == modelId);
    }

    public static async Task<Trace> TraceAsync(this TeamScope scope, Guid traceId)
    {
        await scope.CatchUpAsync();
        await using var db = await scope.DbAsync();
        return await db.Traces.SingleAsync(t => t.Id == traceId);
    }

    public static async Task<List<Observation>> ObservationsOfAsync(this TeamScope scope, Guid traceId)
    {
        await scope.CatchUpAsync();
        await using var db = await scope.DbAsync();
        return await db.Observations.Where(o => o.TraceId == traceId).OrderBy(o => o.StartedAt).ToListAsync();
    }
}

using System.Text.Json;
using AiNative.Services.Data;

namespace AiNative.Services.Platform.Jobs;

/// <summary>Queues jobs in the caller's unit of work, so the job exists exactly when the change that needs it does.</summary>
public sealed class JobQueue(TimeProvider clock, JobSignal signal)
{
    /// <summary>Adds a job for the current team to <paramref name="db"/>; it is queued when the caller saves.</summary>
    public Job Add(PortalDbContext db, string kind, object payload)
    {
        var now = clock.GetUtcNow();
        var job = new Job { Kind = kind, Payload = JsonSerializer.Serialize(payload), CreatedAt = now, AvailableAt = now };
        db.Jobs.Add(job);
        return job;
    }

    /// <summary>Tells the workers of every replica that saved jobs are waiting.</summary>
    public void Wake() => signal.Wake();
}

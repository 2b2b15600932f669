namespace AiNative.Services.Platform.Jobs;

public enum JobStatus
{
    /// <summary>Waiting for a worker, from <see cref="Job.AvailableAt"/> on.</summary>
    Queued = 1,

    /// <summary>A worker holds the lease; when the lease expires (the process died) another takes it.</summary>
    Running = 2,

    Succeeded = 3,

    Failed = 4,
}

namespace AiNative.Services.Platform.Jobs;

/// <summary>
/// Runs the jobs of one <see cref="Kind"/>. It runs in a scope entered as the job's team with
/// system rights, may run again after a crash, and so must be idempotent.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    Task<JobOutcome> RunAsync(JobRun run, CancellationToken cancellationToken);

    /// <summary>The job failed for good (its handler said so, or it kept failing): record why where people look.</summary>
    Task OnFailedAsync(JobRun run, string reason, CancellationToken cancellationToken);
}

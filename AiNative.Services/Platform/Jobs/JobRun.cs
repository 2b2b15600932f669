using System.Text.Json;

namespace AiNative.Services.Platform.Jobs;

/// <summary>One attempt at a job, as its handler sees it.</summary>
public sealed class JobRun(ClaimedJob job, Func<double, string?, CancellationToken, Task> reportProgress)
{
    public Guid JobId => job.Id;

    public Guid TeamId => job.TeamId;

    /// <summary>1 for the first attempt.</summary>
    public int Attempt => job.Attempts;

    public T PayloadAs<T>() => JsonSerializer.Deserialize<T>(job.Payload)
        ?? throw new InvalidOperationException($"Job {job.Id} has no {typeof(T).Name} payload.");

    /// <summary>Persists progress (0 to 1) on the job row, where any replica can read it.</summary>
    public Task ReportProgressAsync(double progress, string? message, CancellationToken cancellationToken) =>
        reportProgress(Math.Clamp(progress, 0, 1), message, cancellationToken);
}

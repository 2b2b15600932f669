namespace AiNative.Services.Platform.Jobs;

/// <summary>Background workers; bound from <c>Portal:Jobs</c>.</summary>
public sealed class JobOptions
{
    public const string Section = "Portal:Jobs";

    /// <summary>Jobs run at the same time in this process; 0 runs none (another replica does).</summary>
    public int Workers { get; set; } = 2;

    /// <summary>How long a claim holds without renewal; a killed process's jobs are taken again after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often idle workers look for work they were not told about (back-off ending, a wake from another replica that was lost).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts before a job that keeps failing or keeps dying is failed for good.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// How long one attempt may run; then its handler is cancelled and the attempt counts as failed, so a
    /// hung job frees its worker. Cancelling stops a handler at its next cancellable point: a step that
    /// takes no cancellation token (extracting a file's text) runs to its end first, holding its worker.
    /// </summary>
    public TimeSpan MaxRunTime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The first back-off after a failed attempt; it doubles with each attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
}

namespace AiNative.Services.Platform.Jobs;

/// <summary>What a handler says about its run: done, try again later, give up with a reason, or wait for other work.</summary>
public sealed record JobOutcome
{
    private JobOutcome(JobOutcomeKind kind, string? reason, TimeSpan? delay)
    {
        Kind = kind;
        Reason = reason;
        Delay = delay;
    }

    public JobOutcomeKind Kind { get; }

    public string? Reason { get; }

    /// <summary>For a retry or a postponement: the wait before the next attempt; null uses the queue's back-off.</summary>
    public TimeSpan? Delay { get; }

    public static JobOutcome Done { get; } = new(JobOutcomeKind.Done, null, null);

    public static JobOutcome Retry(string reason, TimeSpan? delay = null) => new(JobOutcomeKind.Retry, reason, delay);

    public static JobOutcome Fail(string reason) => new(JobOutcomeKind.Fail, reason, null);

    /// <summary>The job cannot go on until other work finishes: it runs again after <paramref name="delay"/>, and the attempt does not count.</summary>
    public static JobOutcome Postpone(string reason, TimeSpan delay) => new(JobOutcomeKind.Postpone, reason, delay);
}

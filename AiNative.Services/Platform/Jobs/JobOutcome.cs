namespace AiNative.Services.Platform.Jobs;

/// <summary>What a handler says about its run: done, try again later, give up with a reason, or wait for other work.</summary>
public sealed record JobOutcome
{
    private JobOutcome(JobOutcomeKind kind, string? reason, TimeSpan? delay, object? nextPayload = null)
    {
        Kind = kind;
        Reason = reason;
        Delay = delay;
        NextPayload = nextPayload;
    }

    public JobOutcomeKind Kind { get; }

    public string? Reason { get; }

    /// <summary>For a retry or a postponement: the wait before the next attempt; null uses the queue's back-off.</summary>
    public TimeSpan? Delay { get; }

    /// <summary>For a postponement: the payload the next run gets instead of the current one, so a waiting job can remember since when it waits.</summary>
    public object? NextPayload { get; }

    public static JobOutcome Done { get; } = new(JobOutcomeKind.Done, null, null);

    public static JobOutcome Retry(string reason, TimeSpan? delay = null) => new(JobOutcomeKind.Retry, reason, delay);

    public static JobOutcome Fail(string reason) => new(JobOutcomeKind.Fail, reason, null);

    /// <summary>
    /// The job cannot go on until other work finishes: it runs again after <paramref name="delay"/>, with
    /// <paramref name="nextPayload"/> when given, and the attempt does not count.
    /// </summary>
    public static JobOutcome Postpone(string reason, TimeSpan delay, object? nextPayload = null) => new(JobOutcomeKind.Postpone, reason, delay, nextPayload);
}

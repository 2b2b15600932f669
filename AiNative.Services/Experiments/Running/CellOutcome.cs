using AiNative.Services.Traces;

namespace AiNative.Services.Experiments.Running;

/// <summary>How running one cell ended: with a result to keep (succeeded or failed), or a rate limit to wait out.</summary>
internal abstract record CellOutcome;

/// <summary>The cell ran to an end to record: <paramref name="Status"/> is succeeded or failed.</summary>
internal sealed record CellFinished(CellStatus Status, CellResult Result, IReadOnlyList<Score> Scores) : CellOutcome;

/// <summary>The provider limits the rate: the cell waits <paramref name="Wait"/> (its Retry-After, or the default) and runs again.</summary>
internal sealed record CellRateLimited(TimeSpan? RetryAfter, string Reason, decimal Cost) : CellOutcome;

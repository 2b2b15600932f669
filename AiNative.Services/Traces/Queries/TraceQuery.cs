namespace AiNative.Services.Traces.Queries;

/// <summary>Which of the team's traces to list: every filter is optional; pages count from 1.</summary>
public sealed record TraceQuery
{
    public TraceSource? Source { get; init; }

    public TraceStatus? Status { get; init; }

    public Guid? PromptId { get; init; }

    public string? Model { get; init; }

    public string? Tag { get; init; }

    /// <summary>Part of the trace's name, user id or session id.</summary>
    public string? Search { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    /// <summary>Only traces with a score of this name, optionally at least <see cref="MinScore"/> and at most <see cref="MaxScore"/>.</summary>
    public string? ScoreName { get; init; }

    public double? MinScore { get; init; }

    public double? MaxScore { get; init; }

    /// <summary>Only traces whose score of <see cref="ScoreName"/> has this category (or "true"/"false").</summary>
    public string? ScoreValue { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}

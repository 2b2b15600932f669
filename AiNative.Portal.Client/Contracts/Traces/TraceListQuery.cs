namespace AiNative.Portal.Client.Contracts.Traces;

/// <summary>Filters of the traces list (all optional) and the page, counted from 1.</summary>
public sealed record TraceListQuery
{
    public const int DefaultPageSize = 50;

    public TraceSourceDto? Source { get; init; }

    public TraceStatusDto? Status { get; init; }

    public Guid? PromptId { get; init; }

    public string? Model { get; init; }

    public string? Tag { get; init; }

    /// <summary>Part of a trace's name, user id or session id.</summary>
    public string? Search { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public string? ScoreName { get; init; }

    public double? MinScore { get; init; }

    public double? MaxScore { get; init; }

    /// <summary>A category (or "true"/"false") the score named by <see cref="ScoreName"/> must have.</summary>
    public string? ScoreValue { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = DefaultPageSize;
}

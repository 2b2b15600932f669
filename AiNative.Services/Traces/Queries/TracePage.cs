namespace AiNative.Services.Traces.Queries;

/// <summary>
/// One page of traces, newest first. <see cref="Total"/> counts matches up to <see cref="TraceQueries.CountLimit"/>;
/// <see cref="TotalIsLowerBound"/> says there are more, so a million traces never need counting.
/// </summary>
public sealed record TracePage(IReadOnlyList<TraceListItem> Items, int Total, bool TotalIsLowerBound, int Page, int PageSize);

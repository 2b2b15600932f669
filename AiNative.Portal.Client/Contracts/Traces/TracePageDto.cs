namespace AiNative.Portal.Client.Contracts.Traces;

/// <summary>A page of traces, newest first; <see cref="TotalIsLowerBound"/> means "at least <see cref="Total"/>".</summary>
public sealed record TracePageDto(IReadOnlyList<TraceSummaryDto> Items, int Total, bool TotalIsLowerBound, int Page, int PageSize);

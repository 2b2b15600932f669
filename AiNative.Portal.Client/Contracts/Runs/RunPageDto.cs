namespace AiNative.Portal.Client.Contracts.Runs;

/// <summary>One page of the run history, newest first, and how many runs match in all.</summary>
public sealed record RunPageDto(IReadOnlyList<RunSummaryDto> Items, int Total, int Page, int PageSize);

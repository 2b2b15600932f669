namespace AiNative.Services.Runs;

/// <summary>One page of the run history, newest first, and how many runs match in all.</summary>
public sealed record RunPage(IReadOnlyList<RunSummary> Items, int Total, int Page, int PageSize);

namespace AiNative.Services.Experiments.Results;

/// <summary>Page <see cref="Page"/> (from 1) of the rows, and how many rows the filter leaves.</summary>
public sealed record ExperimentRowPage(IReadOnlyList<ExperimentRow> Rows, int Total, int Page, int PageSize);

namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>A page of the side-by-side rows and how many rows the filter leaves.</summary>
public sealed record ExperimentRowPageDto(IReadOnlyList<ExperimentRowDto> Rows, int Total, int Page, int PageSize);

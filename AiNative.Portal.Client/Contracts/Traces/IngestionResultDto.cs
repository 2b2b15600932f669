namespace AiNative.Portal.Client.Contracts.Traces;

/// <summary>The ids kept, in batch order, and each item refused with its list ("trace" or "observation"), index from 0, field and reason.</summary>
public sealed record IngestionResultDto(IReadOnlyList<Guid> Traces, IReadOnlyList<Guid> Observations, IReadOnlyList<IngestionErrorDto> Errors);

public sealed record IngestionErrorDto(string Kind, int Index, string Field, string Message);

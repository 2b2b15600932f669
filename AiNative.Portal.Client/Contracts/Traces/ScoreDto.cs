namespace AiNative.Portal.Client.Contracts.Traces;

/// <summary>A score of a trace or one of its observations, and who gave it.</summary>
public sealed record ScoreDto(
    Guid Id,
    Guid TraceId,
    Guid? ObservationId,
    string Name,
    ScoreDataTypeDto DataType,
    double? Value,
    string? StringValue,
    ScoreSourceDto Source,
    string? EvaluatorName,
    int? EvaluatorVersion,
    string? AuthorName,
    string? Comment,
    DateTimeOffset CreatedAt);

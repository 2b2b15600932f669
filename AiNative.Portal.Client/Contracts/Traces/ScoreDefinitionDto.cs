namespace AiNative.Portal.Client.Contracts.Traces;

public sealed record ScoreDefinitionDto(
    Guid Id,
    string Name,
    string? Description,
    ScoreDataTypeDto DataType,
    double? Minimum,
    double? Maximum,
    IReadOnlyList<string> Categories);

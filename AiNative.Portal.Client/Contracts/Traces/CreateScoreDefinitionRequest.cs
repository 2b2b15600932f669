namespace AiNative.Portal.Client.Contracts.Traces;

public sealed record CreateScoreDefinitionRequest(
    string Name,
    ScoreDataTypeDto DataType,
    string? Description = null,
    double? Minimum = null,
    double? Maximum = null,
    IReadOnlyList<string>? Categories = null);

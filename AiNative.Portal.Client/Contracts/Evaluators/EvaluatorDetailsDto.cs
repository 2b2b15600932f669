namespace AiNative.Portal.Client.Contracts.Evaluators;

public sealed record EvaluatorDetailsDto(
    Guid Id, string Name, string? Description, int LatestVersion, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<EvaluatorVersionDto> Versions);

namespace AiNative.Portal.Client.Contracts.Evaluators;

/// <summary>A definition as listed: its latest version's kind.</summary>
public sealed record EvaluatorSummaryDto(Guid Id, string Name, string? Description, string Kind, int LatestVersion, DateTimeOffset UpdatedAt);

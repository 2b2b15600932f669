namespace AiNative.Portal.Client.Contracts.Gateway;

/// <summary>A gateway key as the team sees it: never its secret.</summary>
public sealed record GatewayKeyDto(
    Guid Id,
    string Name,
    string DisplayPrefix,
    IReadOnlyList<string> AllowedModels,
    int? RequestsPerMinute,
    int? TokensPerMinute,
    decimal? DailyBudget,
    decimal? MonthlyBudget,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt);

namespace AiNative.Services.Gateway.Keys;

/// <summary>A gateway key as owners see it: never the secret, only its first characters.</summary>
public sealed record GatewayKeyInfo(
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
    DateTimeOffset? RevokedAt)
{
    public static GatewayKeyInfo Of(GatewayKey key) => new(key.Id, key.Name, key.DisplayPrefix, key.AllowedModels, key.RequestsPerMinute,
        key.TokensPerMinute, key.DailyBudget, key.MonthlyBudget, key.CreatedAt, key.CreatedBy, key.ExpiresAt, key.RevokedAt);
}

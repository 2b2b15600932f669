namespace AiNative.Portal.Client.Contracts.Gateway;

/// <summary>A new gateway key: what it may call (empty for everything), its limits and budgets in USD, and its lifetime in days (null: no end).</summary>
public sealed record CreateGatewayKeyRequest(
    string Name,
    IReadOnlyList<string>? AllowedModels = null,
    int? RequestsPerMinute = null,
    int? TokensPerMinute = null,
    decimal? DailyBudget = null,
    decimal? MonthlyBudget = null,
    int? LifetimeDays = null);

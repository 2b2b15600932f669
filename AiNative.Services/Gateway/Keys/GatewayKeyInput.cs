namespace AiNative.Services.Gateway.Keys;

/// <summary>What an owner chooses for a new gateway key.</summary>
public sealed record GatewayKeyInput
{
    public required string Name { get; init; }

    public IReadOnlyList<string> AllowedModels { get; init; } = [];

    public int? RequestsPerMinute { get; init; }

    public int? TokensPerMinute { get; init; }

    public decimal? DailyBudget { get; init; }

    public decimal? MonthlyBudget { get; init; }

    /// <summary>Days until the key stops working; null for a key that does not expire.</summary>
    public int? LifetimeDays { get; init; }
}

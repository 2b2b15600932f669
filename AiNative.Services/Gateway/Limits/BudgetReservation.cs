using AiNative.Services.Platform.RateLimits;

namespace AiNative.Services.Gateway.Limits;

/// <summary>What a request holds of its key's budgets until it settles: the amount, in every window it counted in.</summary>
public sealed record BudgetReservation(long Units, IReadOnlyList<(string Key, RateWindowSpan Window)> Windows)
{
    public static BudgetReservation None { get; } = new(0, []);
}

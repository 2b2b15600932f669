using AiNative.Portal.Client.Contracts.Usage;

namespace AiNative.Portal.Components.Pages.Usage;

/// <summary>How figures read on the page: a cost never shows as 0 when the model has no price.</summary>
public static class UsageCost
{
    public const string NotConfigured = "price not configured";

    public static string Text(UsageFiguresDto figures) => figures switch
    {
        { PriceNotConfigured: true } => NotConfigured,
        { UnpricedRequests: > 0 } => $"{figures.Cost:0.######} USD + {figures.UnpricedRequests:N0} requests without a price",
        _ => $"{figures.Cost:0.######} USD",
    };

    public static string Latency(UsageFiguresDto figures) =>
        figures.LatencyP50Ms is { } p50 ? $"{p50:N0} / {figures.LatencyP95Ms:N0} ms" : "—";
}

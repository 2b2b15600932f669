namespace AiNative.Portal.Components.Pages.Usage;

/// <summary>The periods the usage page offers, as days (UTC) ending today.</summary>
public enum UsagePeriod
{
    Last7Days,
    Last30Days,
    ThisMonth,
    Last90Days,
}

public static class UsagePeriods
{
    public static (DateOnly From, DateOnly To) Days(this UsagePeriod period, DateOnly today) => period switch
    {
        UsagePeriod.Last7Days => (today.AddDays(-6), today),
        UsagePeriod.ThisMonth => (new DateOnly(today.Year, today.Month, 1), today),
        UsagePeriod.Last90Days => (today.AddDays(-89), today),
        _ => (today.AddDays(-29), today),
    };

    public static string Label(this UsagePeriod period) => period switch
    {
        UsagePeriod.Last7Days => "Last 7 days",
        UsagePeriod.ThisMonth => "This month",
        UsagePeriod.Last90Days => "Last 90 days",
        _ => "Last 30 days",
    };
}

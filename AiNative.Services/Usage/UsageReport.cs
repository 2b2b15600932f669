namespace AiNative.Services.Usage;

/// <summary>
/// A report: totals, one row per group (dearest first), and one row per day and group that had work,
/// which the charts and the CSV export are drawn from.
/// </summary>
public sealed record UsageReport(UsageQuery Query, UsageFigures Total, IReadOnlyList<UsageGroup> Groups, IReadOnlyList<UsageDay> Days);

/// <summary>One group of a report, such as a model or a key.</summary>
public sealed record UsageGroup(string Label, UsageFigures Figures);

/// <summary>One group's figures on one day (UTC).</summary>
public sealed record UsageDay(DateOnly Day, string Group, UsageFigures Figures);

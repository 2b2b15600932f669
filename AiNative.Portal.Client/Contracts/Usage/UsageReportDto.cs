namespace AiNative.Portal.Client.Contracts.Usage;

/// <summary>Totals, one row per group (dearest first), and one row per day and group that had work.</summary>
public sealed record UsageReportDto(UsageQueryDto Query, UsageFiguresDto Total, IReadOnlyList<UsageGroupDto> Groups, IReadOnlyList<UsageDayDto> Days);

public sealed record UsageGroupDto(string Label, UsageFiguresDto Figures);

public sealed record UsageDayDto(DateOnly Day, string Group, UsageFiguresDto Figures);

/// <summary>
/// A group's numbers. <see cref="Cost"/> adds priced calls only; <see cref="UnpricedRequests"/> used a model
/// without a price, and <see cref="PriceNotConfigured"/> says that none of the group's requests had one.
/// </summary>
public sealed record UsageFiguresDto(
    long Requests,
    long Errors,
    long InputTokens,
    long OutputTokens,
    decimal Cost,
    long UnpricedRequests,
    bool PriceNotConfigured,
    long CacheHits,
    decimal CacheSavings,
    double? LatencyP50Ms,
    double? LatencyP95Ms);

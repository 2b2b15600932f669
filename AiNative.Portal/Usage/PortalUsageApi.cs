using AiNative.Portal.Client.Contracts.Usage;
using AiNative.Portal.Platform;
using AiNative.Services.Traces;
using AiNative.Services.Usage;

namespace AiNative.Portal.Usage;

internal sealed class PortalUsageApi(UsageReports reports) : IUsageApi
{
    public async Task<UsageReportDto> GetReportAsync(UsageQueryDto query, CancellationToken cancellationToken = default)
    {
        var report = await ServerApi.CallAsync(() => reports.GetAsync(
            new UsageQuery(query.From, query.To, (UsageDimension)query.GroupBy, (TraceSource?)query.Source), cancellationToken));
        return new UsageReportDto(query, ToDto(report.Total), [.. report.Groups.Select(g => new UsageGroupDto(g.Label, ToDto(g.Figures)))],
            [.. report.Days.Select(d => new UsageDayDto(d.Day, d.Group, ToDto(d.Figures)))]);
    }

    public async Task<IReadOnlyList<BudgetBurnDownDto>> GetBudgetsAsync(CancellationToken cancellationToken = default) =>
        [.. (await ServerApi.CallAsync(() => reports.GetBurnDownsAsync(cancellationToken))).Select(b => new BudgetBurnDownDto(
            b.KeyId, b.KeyName, b.Budget, b.Month, [.. b.Days.Select(d => new BudgetDayDto(d.Day, d.SpentToDate))], b.Spent, b.ProjectedMonthEnd, b.RunsOutOn))];

    private static UsageFiguresDto ToDto(UsageFigures f) => new(f.Requests, f.Errors, f.InputTokens, f.OutputTokens, f.Cost, f.UnpricedRequests,
        f.PriceNotConfigured, f.CacheHits, f.CacheSavings, f.LatencyP50Ms, f.LatencyP95Ms);
}

using System.Globalization;
using AiNative.Portal.Client.Contracts.Traces;
using AiNative.Portal.Client.Contracts.Usage;
using AiNative.Portal.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiNative.Portal.Usage;

/// <summary>Usage and cost reports: <c>/api/teams/{teamId}/usage</c>, as JSON or CSV, and the keys' budgets.</summary>
public static class UsageEndpoints
{
    private const string Tag = "Usage";

    public static IEndpointRouteBuilder MapUsageApi(this IEndpointRouteBuilder endpoints)
    {
        var usage = endpoints.MapTeamGroup("usage", Tag);
        usage.MapGet("", GetReportAsync).WithName("GetUsageReport")
            .WithSummary("Requests, tokens, cost, errors, cache savings and latency of the team's work by day (UTC) and by model, caller, route, prompt or source");
        usage.MapGet("export.csv", ExportAsync).WithName("ExportUsageReport").WithSummary("The same report as CSV, one line per day and group");
        usage.MapGet("budgets", GetBudgetsAsync).WithName("GetBudgetBurnDown").WithSummary("Each gateway key's monthly budget, spent day by day, and the month's end at the rate so far");
        return endpoints;
    }

    private static async Task<Ok<UsageReportDto>> GetReportAsync(IUsageApi api, DateOnly from, DateOnly to, CancellationToken cancellationToken,
        UsageDimensionDto groupBy = UsageDimensionDto.Model, TraceSourceDto? source = null) =>
        TypedResults.Ok(await api.GetReportAsync(new UsageQueryDto(from, to, groupBy, source), cancellationToken));

    private static async Task ExportAsync(HttpContext context, IUsageApi api, DateOnly from, DateOnly to, CancellationToken cancellationToken,
        UsageDimensionDto groupBy = UsageDimensionDto.Model, TraceSourceDto? source = null)
    {
        // The report is read before anything is written, so a refusal is still a proper error response.
        var report = await api.GetReportAsync(new UsageQueryDto(from, to, groupBy, source), cancellationToken);
        var name = string.Create(CultureInfo.InvariantCulture, $"usage-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}-by-{groupBy.ToString().ToLowerInvariant()}.csv");
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        await UsageCsv.WriteAsync(report, context.Response.Body, cancellationToken);
    }

    private static async Task<Ok<IReadOnlyList<BudgetBurnDownDto>>> GetBudgetsAsync(IUsageApi api, CancellationToken cancellationToken) =>
        TypedResults.Ok(await api.GetBudgetsAsync(cancellationToken));
}

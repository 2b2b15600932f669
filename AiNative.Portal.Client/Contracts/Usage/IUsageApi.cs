namespace AiNative.Portal.Client.Contracts.Usage;

/// <summary>Usage and cost of the team's work, from every source, and its gateway keys' budgets.</summary>
public interface IUsageApi
{
    Task<UsageReportDto> GetReportAsync(UsageQueryDto query, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<BudgetBurnDownDto>> GetBudgetsAsync(CancellationToken cancellationToken = default);
}

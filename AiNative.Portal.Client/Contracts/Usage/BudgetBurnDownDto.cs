namespace AiNative.Portal.Client.Contracts.Usage;

/// <summary>A gateway key's monthly budget: spent by the end of each day so far, and the month's end at the rate so far.</summary>
public sealed record BudgetBurnDownDto(
    Guid KeyId,
    string KeyName,
    decimal Budget,
    DateOnly Month,
    IReadOnlyList<BudgetDayDto> Days,
    decimal Spent,
    decimal ProjectedMonthEnd,
    DateOnly? RunsOutOn);

public sealed record BudgetDayDto(DateOnly Day, decimal SpentToDate);

namespace AiNative.Services.Usage;

/// <summary>
/// How a gateway key's monthly budget is being spent: what it spent by the end of each day of the month
/// so far, and where the month ends at the rate so far.
/// </summary>
public sealed record BudgetBurnDown(
    Guid KeyId,
    string KeyName,
    decimal Budget,
    DateOnly Month,
    IReadOnlyList<BudgetDay> Days,
    decimal Spent,
    decimal ProjectedMonthEnd,
    DateOnly? RunsOutOn);

/// <summary>What a key had spent of its month by the end of a day.</summary>
public sealed record BudgetDay(DateOnly Day, decimal SpentToDate);

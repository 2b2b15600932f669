namespace AiNative.Services.Data;

/// <summary>
/// Amounts of money (prices, costs, budgets) in US dollars, kept to <see cref="Decimals"/> decimal
/// places on every database: PostgreSQL stores them as exact numerics, SQLite as whole
/// ten-billionths of a dollar (<see cref="MoneyAsIntegerConverter"/>), so sums add exactly on both
/// (0.1 + 0.2 is 0.3, which doubles would not give) and SQL can still compare and total them.
/// </summary>
public static class Money
{
    public const int Decimals = 10;

    /// <summary>How many stored units make a dollar on SQLite.</summary>
    public const decimal UnitsPerDollar = 10_000_000_000m;

    /// <summary>Rounds to what both databases keep, half to even (banker's rounding, as decimal arithmetic does).</summary>
    public static decimal Round(decimal amount) => decimal.Round(amount, Decimals, MidpointRounding.ToEven);
}

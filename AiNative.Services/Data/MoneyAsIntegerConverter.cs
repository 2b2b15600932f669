using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AiNative.Services.Data;

/// <summary>
/// SQLite has no exact decimal type: amounts are stored as whole <see cref="Money.UnitsPerDollar"/>ths
/// of a dollar (enough for 922 million dollars in one value). Read back, an amount loses its trailing
/// zeros (dividing by 1.000…0 normalises the scale), so 0.15 reads as 0.15, not 0.1500000000.
/// </summary>
public sealed class MoneyAsIntegerConverter() : ValueConverter<decimal, long>(
    v => (long)decimal.Round(v * Money.UnitsPerDollar, 0, MidpointRounding.ToEven),
    v => v / Money.UnitsPerDollar / 1.0000000000000000000000000000m);

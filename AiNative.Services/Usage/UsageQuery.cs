using AiNative.Services.Traces;

namespace AiNative.Services.Usage;

/// <summary>The days (UTC, both included) a report covers, what it groups by, and optionally one source of work.</summary>
public sealed record UsageQuery(DateOnly From, DateOnly To, UsageDimension GroupBy, TraceSource? Source = null)
{
    public const int MaxDays = 366;
}

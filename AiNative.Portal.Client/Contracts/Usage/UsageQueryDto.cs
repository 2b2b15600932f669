using AiNative.Portal.Client.Contracts.Traces;

namespace AiNative.Portal.Client.Contracts.Usage;

/// <summary>The days (UTC, both included) a report covers, what it groups by, and optionally one source of work.</summary>
public sealed record UsageQueryDto(DateOnly From, DateOnly To, UsageDimensionDto GroupBy = UsageDimensionDto.Model, TraceSourceDto? Source = null);

namespace AiNative.Services.Usage;

/// <summary>One finished trace as a report counts it.</summary>
internal sealed record UsageRecord(
    DateOnly Day,
    string Group,
    bool Failed,
    long InputTokens,
    long OutputTokens,
    decimal Cost,
    bool Unpriced,
    bool CacheHit,
    decimal Saved,
    double LatencyMs);

namespace AiNative.Services.Platform.RateLimits;

/// <summary>One window of a shared count, in Unix milliseconds: from its start (included) to its end (excluded).</summary>
public readonly record struct RateWindowSpan(long StartUnixMs, long EndUnixMs);

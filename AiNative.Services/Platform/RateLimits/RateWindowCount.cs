namespace AiNative.Services.Platform.RateLimits;

/// <summary>A key's count in the current window, the hit just added included, and when that window ends.</summary>
public readonly record struct RateWindowCount(long Count, DateTimeOffset WindowEnd);

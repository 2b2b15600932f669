namespace AiNative.Services.Platform.RateLimits;

/// <summary>
/// One key's count in one fixed window, kept in the database so that every replica counts the same
/// hits (<see cref="SharedRateCounter"/>). Times are Unix milliseconds, not <see cref="DateTimeOffset"/>:
/// the counter writes them in raw SQL, and plain numbers are stored alike on SQLite and PostgreSQL
/// (a <see cref="DateTimeOffset"/> is ticks on one and timestamptz on the other).
/// </summary>
public sealed class RateWindow
{
    public const int MaxKeyLength = 200;

    /// <summary>What is counted, named by its user: <c>sign-in/203.0.113.7</c>.</summary>
    public required string Key { get; set; }

    public long WindowStartUnixMs { get; set; }

    public long Count { get; set; }

    /// <summary>When the window ends and the row may go. Kept, not derived, because keys count in windows of different lengths.</summary>
    public long ExpiresAtUnixMs { get; set; }
}

using System.Data.Common;
using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;

namespace AiNative.Services.Platform.RateLimits;

/// <summary>
/// A fixed-window <see cref="RateLimiter"/> that counts in a <see cref="SharedRateCounter"/> key, so that
/// every replica limits the key together. ASP.NET Core's rate-limiting middleware calls the synchronous
/// <c>AttemptAcquire</c> first and awaits <c>AcquireAsync</c> when it declines: it always declines, so the
/// database is asked asynchronously and once per request.
/// </summary>
public sealed partial class SharedWindowRateLimiter(SharedRateCounter counter, string key, int permitLimit, TimeSpan window, ILogger<SharedWindowRateLimiter> logger)
    : RateLimiter
{
    private long _lastUsed = Stopwatch.GetTimestamp();

    /// <summary>Nothing is held here (the count is in the database), so an unused limiter may be dropped by its partitioned owner.</summary>
    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.Refused;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        try
        {
            var counted = await counter.AddAsync(key, window, permitCount, cancellationToken);
            return counted.Count <= permitLimit ? Lease.Granted : Lease.Refused;
        }
        catch (DbException e)
        {
            // Fails open: a sign-in must not break because the counter table is busy or the database
            // blinked. The limit brakes abuse; Identity's lockout still guards each account's password.
            LogCountFailed(key, e);
            return Lease.Granted;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The shared count of {Key} could not be updated; the request is let through")]
    private partial void LogCountFailed(string key, Exception exception);

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Granted = new(true);
        public static readonly Lease Refused = new(false);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}

using System.Data.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiNative.Services.Platform.RateLimits;

/// <summary>
/// Deletes ended rate windows every few minutes. Every replica runs it: the delete is idempotent and
/// cheap (an index on the expiry), so they need not agree on who does.
/// </summary>
internal sealed partial class RateWindowCleanup(SharedRateCounter counter, TimeProvider clock, ILogger<RateWindowCleanup> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await counter.DeleteExpiredAsync(stoppingToken);
            }
            catch (DbException e)
            {
                // Ended windows count for nothing; they wait for the next round.
                LogCleanupFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ended rate windows could not be deleted; the next round tries again")]
    private partial void LogCleanupFailed(Exception exception);
}

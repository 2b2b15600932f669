using AiNative.Services.Traces.Recording;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Traces.Retention;

/// <summary>Runs <see cref="TraceContentRetention"/> every <see cref="TraceWriterOptions.RetentionInterval"/> (an hour by default).</summary>
public sealed partial class TraceContentRetentionService(
    IServiceScopeFactory services, IOptions<TraceWriterOptions> options, TimeProvider clock, ILogger<TraceContentRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.RetentionInterval, clock, stoppingToken);
            try
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TraceContentRetention>().PruneAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database out of reach now is tried again at the next round; nothing is half-done (one statement per table).
                LogFailed(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing expired trace content failed; it is tried again at the next round")]
    private partial void LogFailed(Exception exception);
}

using AiNative.Services.Traces.Recording;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Traces.Retention;

/// <summary>Runs <see cref="TraceContentRetention"/> at start-up and then every <see cref="TraceWriterOptions.RetentionInterval"/>.</summary>
public sealed partial class TraceContentRetentionService(
    IServiceProvider services, IOptions<TraceWriterOptions> options, TimeProvider clock, ILogger<TraceContentRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await services.GetRequiredService<TraceContentRetention>().PruneAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database out of reach now is tried again at the next round; nothing is half-done (one statement per table).
                LogFailed(e);
            }

            await Task.Delay(options.Value.RetentionInterval, clock, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing expired trace content failed; it is tried again at the next round")]
    private partial void LogFailed(Exception exception);
}

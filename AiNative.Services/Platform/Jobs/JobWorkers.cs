using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Platform.Jobs;

/// <summary>
/// <see cref="JobOptions.Workers"/> loops that claim due jobs, run their handler in the job's team,
/// renew the lease while it runs, and record the outcome. At shutdown a running job is given
/// back; a killed process's job is taken again once its lease expires.
/// </summary>
public sealed partial class JobWorkers(
    IServiceScopeFactory scopes,
    JobSignal signal,
    IOptions<JobOptions> options,
    TimeProvider clock,
    ILogger<JobWorkers> logger) : BackgroundService
{
    // Unique per process start, so a restarted process never mistakes its predecessor's lease for its own.
    private readonly string _process = $"{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = Enumerable.Range(1, Math.Max(0, options.Value.Workers))
            .Select(n => Task.Run(() => WorkAsync($"{_process}#{n}", stoppingToken), CancellationToken.None));
        return Task.WhenAll(loops);
    }

    private async Task WorkAsync(string owner, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var job = await scope.ServiceProvider.GetRequiredService<JobStore>()
                    .TryClaimAsync(owner, options.Value.LeaseDuration, stoppingToken);
                if (job is null)
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                    continue;
                }

                await new JobExecution(scopes, job, owner, options.Value, clock, logger).RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be briefly unavailable; the loop must outlive it.
                LogLoopFailed(e, owner);
                try
                {
                    await Task.Delay(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Job worker {Owner} failed to claim or record a job")]
    private partial void LogLoopFailed(Exception exception, string owner);
}

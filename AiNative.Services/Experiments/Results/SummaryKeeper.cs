using System.Threading.Channels;
using AiNative.Services.Teams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AiNative.Services.Experiments.Results;

/// <summary>
/// When an experiment's run ends, works out its summary once and keeps it (<see cref="KeptSummary"/>), off any request:
/// the first person to open the results of 100,000 cells then waits for one row, not for every cell to be read.
/// </summary>
internal sealed partial class SummaryKeeper(ExperimentEvents events, IServiceScopeFactory scopes, ILogger<SummaryKeeper> logger) : BackgroundService
{
    private readonly Channel<ExperimentProgress> _ended = Channel.CreateUnbounded<ExperimentProgress>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        events.ProgressChanged += OnProgress;
        try
        {
            await foreach (var ended in _ended.Reader.ReadAllAsync(stoppingToken))
            {
                await KeepAsync(ended, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // A summary not kept yet is worked out when someone opens the results.
        }
        finally
        {
            events.ProgressChanged -= OnProgress;
        }
    }

    private void OnProgress(ExperimentProgress progress)
    {
        if (progress.Status is ExperimentStatus.Completed or ExperimentStatus.Cancelled or ExperimentStatus.StoppedByCap)
        {
            _ended.Writer.TryWrite(progress);
        }
    }

    private async Task KeepAsync(ExperimentProgress ended, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TeamContext>().Enter(new TeamAccess(ended.TeamId, "", TeamRole.Viewer, Actor.System));
            await scope.ServiceProvider.GetRequiredService<ExperimentSummaries>().KeepAsync(ended.ExperimentId, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Deleted meanwhile, or the database was away: the summary is worked out when someone opens the results.
            LogNotKept(e, ended.ExperimentId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The summary of experiment {ExperimentId} could not be kept; it is worked out when the results are opened")]
    private partial void LogNotKept(Exception exception, Guid experimentId);
}

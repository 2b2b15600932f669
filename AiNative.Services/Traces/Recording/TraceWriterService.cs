using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Traces.Recording;

/// <summary>
/// Saves what <see cref="TraceWriter"/> queues, in batches of one transaction each. While the database
/// cannot be reached it keeps the batch and tries again with back-off; the process stays up. A graceful
/// stop saves everything queued before it returns. A record the database refuses for good (its team was
/// deleted meanwhile) is logged, counted and skipped, so one bad record never blocks the others.
/// </summary>
public sealed partial class TraceWriterService(
    TraceWriter writer,
    IServiceScopeFactory scopes,
    IOptions<TraceWriterOptions> options,
    TimeProvider clock,
    ILogger<TraceWriterService> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>Cancelled when a stop must end before everything is saved (the host's shutdown timeout).</summary>
    private readonly CancellationTokenSource _abandon = new();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        writer.Complete();
        await using var abandon = cancellationToken.Register(_abandon.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<TraceRecord>(options.Value.BatchSize);
        try
        {
            // Not the stopping token: a stop completes the queue, and the loop ends once it is empty.
            while (await writer.Reader.WaitToReadAsync(_abandon.Token))
            {
                batch.Clear();
                while (batch.Count < options.Value.BatchSize && writer.Reader.TryRead(out var record))
                {
                    batch.Add(record);
                }

                await SaveWithRetriesAsync(batch);
                foreach (var barrier in batch.OfType<TraceRecord.Barrier>())
                {
                    barrier.Written.TrySetResult();
                }
            }
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            LogAbandoned(writer.Reader.Count + batch.Count);
        }
    }

    private async Task SaveWithRetriesAsync(List<TraceRecord> batch)
    {
        var records = batch.Where(r => r is not TraceRecord.Barrier).ToList();
        if (records.Count == 0)
        {
            return;
        }

        var delay = FirstRetryDelay;
        while (true)
        {
            try
            {
                await SaveAsync(records);
                writer.BatchDone(records.Count, 0);
                return;
            }
            catch (Exception e) when (TransientFailures.IsTransient(e))
            {
                writer.DatabaseUnavailable();
                LogDatabaseUnavailable(e, records.Count, delay);
                await Task.Delay(delay, clock, _abandon.Token);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.MaxRetryDelay.Ticks));
            }
            catch (DbUpdateException)
            {
                await SaveOneByOneAsync(records);
                return;
            }
        }
    }

    /// <summary>A batch the database refused: each record on its own, so only the bad ones are lost.</summary>
    private async Task SaveOneByOneAsync(List<TraceRecord> records)
    {
        var refused = 0;
        foreach (var record in records)
        {
            try
            {
                await SaveAsync([record]);
            }
            catch (DbUpdateException e)
            {
                refused++;
                LogRefused(e, record.GetType().Name);
            }
        }

        writer.BatchDone(records.Count - refused, refused);
    }

    private async Task SaveAsync(IReadOnlyList<TraceRecord> records)
    {
        await using var scope = scopes.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // The latest state of each trace wins; a trace already saved is updated, a new one inserted.
        var traces = records.OfType<TraceRecord.TraceState>()
            .GroupBy(r => r.Trace.Id)
            .Select(g => g.Last().Trace)
            .ToList();
        var ids = traces.Select(t => t.Id).ToList();
        var saved = ids.Count == 0
            ? []
            : await db.Traces.IgnoreQueryFilters().Where(t => ids.Contains(t.Id)).Select(t => t.Id).ToHashSetAsync(CancellationToken.None);
        foreach (var trace in traces)
        {
            db.Entry(trace).State = saved.Contains(trace.Id) ? EntityState.Modified : EntityState.Added;
        }

        db.Observations.AddRange(records.OfType<TraceRecord.ObservationEnded>().Select(r => r.Observation));
        db.Scores.AddRange(records.OfType<TraceRecord.ScoreGiven>().Select(r => r.Score));
        await db.SaveChangesAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database cannot take {Count} trace records now; trying again in {Delay}")]
    private partial void LogDatabaseUnavailable(Exception exception, int count, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "The database refused a trace record ({Kind}); it is skipped")]
    private partial void LogRefused(Exception exception, string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "The portal stopped before {Count} trace records could be saved (the database could not be reached)")]
    private partial void LogAbandoned(int count);
}

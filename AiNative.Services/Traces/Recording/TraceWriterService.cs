using AiNative.Services.Data;
using AiNative.Services.Platform.Storage;
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

    /// <summary>The statements, built from the EF Core model on the first save.</summary>
    private Tables? _tables;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        writer.Complete();
        await using var abandon = cancellationToken.Register(_abandon.Cancel);
        await base.StopAsync(cancellationToken);

        // A stop that came before the writer's loop ever ran (a busy thread pool) cancels the loop unstarted:
        // what is queued is saved here instead, so a stop never loses what was acknowledged.
        if (ExecuteTask is { IsCompleted: true } && !_abandon.IsCancellationRequested && writer.Reader.Count > 0)
        {
            await DrainAsync();
        }
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => DrainAsync();

    /// <summary>Saves batches until the queue is completed and empty (or the stop is abandoned).</summary>
    private async Task DrainAsync()
    {
        var batch = new List<TraceRecord>(options.Value.BatchSize);
        try
        {
            // Not the stopping token: a stop completes the queue, and the loop ends once it is empty.
            while (await writer.Reader.WaitToReadAsync(_abandon.Token))
            {
                batch.Clear();
                Take(batch);
                if (batch.Count < options.Value.BatchSize && options.Value.BatchDelay > TimeSpan.Zero && !batch.Any(r => r is TraceRecord.Barrier))
                {
                    // Real time, not the clock: this only gathers I/O, and a test's fake clock must not hold the writer.
                    await Task.Delay(options.Value.BatchDelay, _abandon.Token);
                    Take(batch);
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

    private void Take(List<TraceRecord> batch)
    {
        while (batch.Count < options.Value.BatchSize && writer.Reader.TryRead(out var record))
        {
            batch.Add(record);
        }
    }

    private async Task SaveWithRetriesAsync(List<TraceRecord> batch)
    {
        var records = batch.Where(r => r is not TraceRecord.Barrier).ToList();
        if (records.Count == 0)
        {
            return;
        }

        try
        {
            await SaveRetryingAsync(records);
            writer.BatchDone(records.Count, 0);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database refused the batch: each record on its own, so only the bad ones are lost.
            var refused = 0;
            foreach (var record in records)
            {
                try
                {
                    await SaveRetryingAsync([record]);
                }
                catch (Exception one) when (one is not OperationCanceledException)
                {
                    refused++;
                    LogRefused(one, record.GetType().Name);
                }
            }

            writer.BatchDone(records.Count - refused, refused);
        }
    }

    /// <summary>Saves, waiting out a database that cannot be reached (busy, locked, down) with back-off; throws what it refuses.</summary>
    private async Task SaveRetryingAsync(IReadOnlyList<TraceRecord> records)
    {
        var delay = FirstRetryDelay;
        while (true)
        {
            try
            {
                await SaveAsync(records);
                return;
            }
            catch (Exception e) when (TransientFailures.IsTransient(e))
            {
                writer.DatabaseUnavailable();
                LogDatabaseUnavailable(e, records.Count, delay);
                await Task.Delay(delay, clock, _abandon.Token);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.MaxRetryDelay.Ticks));
            }
        }
    }

    private async Task SaveAsync(IReadOnlyList<TraceRecord> records)
    {
        await using var scope = scopes.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
        using var pass = await scope.ServiceProvider.GetRequiredService<WriteGate>().EnterAsync(CancellationToken.None);
        _tables ??= new Tables(
            EntityTable.For(db, typeof(Trace), upsert: true), EntityTable.For(db, typeof(Observation), upsert: false), EntityTable.For(db, typeof(Score), upsert: false));
        await db.Database.OpenConnectionAsync(CancellationToken.None);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);

        // The latest state of each trace wins: a trace saved as running is updated with how it ended.
        await _tables.Traces.WriteAsync(connection, transaction,
            records.OfType<TraceRecord.TraceState>().GroupBy(r => r.Trace.Id).Select(g => g.Last().Trace));
        await _tables.Observations.WriteAsync(connection, transaction, records.OfType<TraceRecord.ObservationEnded>().Select(r => r.Observation));
        await _tables.Scores.WriteAsync(connection, transaction, records.OfType<TraceRecord.ScoreGiven>().Select(r => r.Score));
        await transaction.CommitAsync(CancellationToken.None);
    }

    private sealed record Tables(EntityTable Traces, EntityTable Observations, EntityTable Scores);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database cannot take {Count} trace records now; trying again in {Delay}")]
    private partial void LogDatabaseUnavailable(Exception exception, int count, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "The database refused a trace record ({Kind}); it is skipped")]
    private partial void LogRefused(Exception exception, string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "The portal stopped before {Count} trace records could be saved (the database could not be reached)")]
    private partial void LogAbandoned(int count);
}

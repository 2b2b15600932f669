using AiNative.Services.Platform.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiNative.Services.Platform.Replicas;

/// <summary>
/// Sends this process's messages to the other replicas with <c>pg_notify</c>, in order and as many as are
/// waiting in one round trip, off the path of the change that published them. While the database
/// cannot be reached it keeps the batch and tries again; a stop sends what is still queued. Does
/// nothing on SQLite.
/// </summary>
internal sealed partial class ReplicaNotifier(ReplicaChannel channel, IOptions<StorageOptions> storage, ILogger<ReplicaNotifier> logger)
    : BackgroundService
{
    private const int BatchSize = 100;

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(10);

    /// <summary>The batch being sent; kept across a failed attempt and a stop.</summary>
    private readonly List<string> _batch = new(BatchSize);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // Hosted services that publish stop before this one: what they published still reaches the others.
        // Also covers a stop that came before the loop ever ran.
        if (channel.ReachesOtherReplicas && ExecuteTask is null or { IsCompleted: true })
        {
            try
            {
                while (Fill())
                {
                    await SendAsync(cancellationToken);
                }
            }
            catch (Exception e)
            {
                LogUnsent(e, _batch.Count + channel.Outgoing.Count);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!channel.ReachesOtherReplicas)
        {
            return;
        }

        var delay = FirstRetryDelay;
        try
        {
            while (await channel.Outgoing.WaitToReadAsync(stoppingToken))
            {
                Fill();
                try
                {
                    await SendAsync(stoppingToken);
                    delay = FirstRetryDelay;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // The loop outlives the database: a failed batch stays and goes first when it is back.
                    LogDatabaseUnavailable(e, _batch.Count, delay);
                    await Task.Delay(delay, stoppingToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // StopAsync sends the rest.
        }
    }

    /// <summary>Tops the batch up from the queue; false when there is nothing to send.</summary>
    private bool Fill()
    {
        while (_batch.Count < BatchSize && channel.Outgoing.TryRead(out var message))
        {
            _batch.Add(message);
        }

        return _batch.Count > 0;
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(storage.Value.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var message in _batch)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_notify($1, $2)")
            {
                Parameters = { new() { Value = ReplicaListener.PostgresChannel }, new() { Value = message } },
            });
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        _batch.Clear();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot tell other replicas of {Count} changes now; trying again in {Delay}")]
    private partial void LogDatabaseUnavailable(Exception exception, int count, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped before {Count} messages reached other replicas; they see those changes when their caches expire or recheck")]
    private partial void LogUnsent(Exception exception, int count);
}

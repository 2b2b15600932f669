using AiNative.Services.Platform.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiNative.Services.Platform.Replicas;

/// <summary>
/// Hears the other replicas' messages on a PostgreSQL connection of its own: <c>LISTEN</c>, then wait for
/// notifications. When the connection drops (the server restarted, the network failed, the backend was
/// terminated) it connects again after growing pauses; it heard nothing meanwhile, so on every
/// connection it tells all subscribers to treat what they hold as stale. Does nothing on SQLite.
/// </summary>
internal sealed partial class ReplicaListener(ReplicaChannel channel, IOptions<StorageOptions> storage, ILogger<ReplicaListener> logger)
    : BackgroundService
{
    /// <summary>The PostgreSQL channel every replica of the database listens on.</summary>
    public const string PostgresChannel = "ainative_replicas";

    /// <summary>The listeners' name in <c>pg_stat_activity</c>, for operators (and tests) to find them.</summary>
    public const string ApplicationName = "ainative-replica-listener";

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(15);

    /// <summary>A connection that died without a word (no reset reached us) is found by a query after this long without a notification.</summary>
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(10);

    /// <summary>Set once the first connection was tried, so a started host hears every message published after its start.</summary>
    private readonly TaskCompletionSource _firstAttempt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        if (channel.ReachesOtherReplicas)
        {
            await _firstAttempt.Task.WaitAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!channel.ReachesOtherReplicas)
        {
            return;
        }

        var delay = FirstRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await ListenAsync(stoppingToken);
                _firstAttempt.TrySetResult();
                delay = FirstRetryDelay;
                channel.MarkAllStale();
                while (true)
                {
                    if (!await connection.WaitAsync(ProbeInterval, stoppingToken))
                    {
                        await using var probe = new NpgsqlCommand("SELECT 1", connection);
                        await probe.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Whatever ended the connection, the loop outlives it.
                _firstAttempt.TrySetResult();
                LogDisconnected(e, delay);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken cancellationToken)
    {
        // Not pooled: the connection is this loop's alone for as long as it lives.
        var settings = new NpgsqlConnectionStringBuilder(storage.Value.ConnectionString) { ApplicationName = ApplicationName, Pooling = false };
        var connection = new NpgsqlConnection(settings.ConnectionString);
        try
        {
            connection.Notification += (_, e) => channel.Receive(e.Payload);
            await connection.OpenAsync(cancellationToken);
            await using var listen = new NpgsqlCommand($"LISTEN {PostgresChannel}", connection);
            await listen.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not listening to other replicas (connection lost or refused); trying again in {Delay}")]
    private partial void LogDisconnected(Exception exception, TimeSpan delay);
}

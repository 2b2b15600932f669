using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using AiNative.Services.Platform.Replicas;

namespace AiNative.Services.Experiments;

/// <summary>
/// Experiments' live messages on every replica: progress after every cell (pages redraw), cells queued (idle runners
/// wake), an experiment cancelled (runners stop its cells in flight). Progress missed while a replica was not
/// listening is not replayed: pages read the experiment when they open, and the next cell's progress brings them up to date.
/// </summary>
public sealed class ExperimentEvents
{
    private const string ProgressTopic = "experiments.progress";
    private const string QueuedTopic = "experiments.queued";
    private const string CancelledTopic = "experiments.cancelled";
    private const int BufferedChanges = 64;

    private readonly ReplicaChannel _replicas;

    public ExperimentEvents(ReplicaChannel replicas)
    {
        _replicas = replicas;
        replicas.Subscribe(ProgressTopic, payload => ProgressChanged?.Invoke(JsonSerializer.Deserialize<ExperimentProgress>(payload)!));

        // A wake missed may have been for queued cells: look once.
        replicas.Subscribe(QueuedTopic, _ => Queued?.Invoke(), () => Queued?.Invoke());
        replicas.Subscribe(CancelledTopic, payload => Cancelled?.Invoke(Guid.Parse(payload)));
    }

    public event Action<ExperimentProgress>? ProgressChanged;

    public event Action? Queued;

    public event Action<Guid>? Cancelled;

    public void RaiseProgress(ExperimentProgress progress) =>
        _replicas.Publish(ProgressTopic, JsonSerializer.Serialize(progress with { StopReason = Shorten(progress.StopReason) }));

    public void RaiseQueued() => _replicas.Publish(QueuedTopic);

    public void RaiseCancelled(Guid experimentId) => _replicas.Publish(CancelledTopic, experimentId.ToString("N"));

    /// <summary>
    /// The progress of one experiment of one team until cancelled, starting with <paramref name="current"/>'s, read once the
    /// watch began (so nothing between the two is missed); a slow reader loses the oldest, never blocks a runner.
    /// </summary>
    public async IAsyncEnumerable<ExperimentProgress> WatchAsync(
        Guid teamId,
        Guid experimentId,
        Func<CancellationToken, Task<ExperimentProgress>>? current,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<ExperimentProgress>(
            new BoundedChannelOptions(BufferedChanges) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        void OnProgress(ExperimentProgress progress)
        {
            if (progress.TeamId == teamId && progress.ExperimentId == experimentId)
            {
                channel.Writer.TryWrite(progress);
            }
        }

        ProgressChanged += OnProgress;
        try
        {
            if (current is not null)
            {
                yield return await current(cancellationToken);
            }

            await foreach (var progress in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return progress;
            }
        }
        finally
        {
            ProgressChanged -= OnProgress;
        }
    }

    /// <summary>Keeps a message well under what may pass between replicas; the experiment keeps the whole reason.</summary>
    private static string? Shorten(string? reason) => reason is { Length: > 500 } ? reason[..500] : reason;
}

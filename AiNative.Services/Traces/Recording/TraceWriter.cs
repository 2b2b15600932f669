using System.Diagnostics.Metrics;
using System.Threading.Channels;
using AiNative.Services.Platform.Telemetry;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Traces.Recording;

/// <summary>
/// The queue between the work that is traced and the database: recording costs a queue write on the
/// request path, and <see cref="TraceWriterService"/> saves what is queued in batches. A full queue
/// makes callers wait (back-pressure), unless <see cref="TraceWriterOptions.DropWhenFull"/> is set,
/// when the record is dropped and counted.
/// </summary>
public sealed class TraceWriter
{
    private static readonly Counter<long> DroppedCounter =
        PortalTelemetry.Meter.CreateCounter<long>("ainative.traces.dropped", "{record}", "Trace records dropped because the writer's queue was full");

    private readonly Channel<TraceRecord> _queue;
    private readonly bool _dropWhenFull;
    private long _inFlight;
    private long _written;
    private long _dropped;
    private long _refused;
    private volatile bool _databaseUnavailable;
    private TaskCompletionSource _flushRequested = NewSignal();

    public TraceWriter(IOptions<TraceWriterOptions> options)
    {
        _dropWhenFull = options.Value.DropWhenFull;
        _queue = Channel.CreateBounded<TraceRecord>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public TraceWriterStatus Status => new(_queue.Reader.Count, Interlocked.Read(ref _written), Interlocked.Read(ref _dropped),
        Interlocked.Read(ref _refused), _databaseUnavailable);

    internal ChannelReader<TraceRecord> Reader => _queue.Reader;

    /// <summary>
    /// Completes when, after this was read, a reader queues a barrier or the process stops: the writer stops gathering
    /// and saves at once.
    /// </summary>
    internal Task FlushRequested => Volatile.Read(ref _flushRequested).Task;

    /// <summary>Queues the trace as it stands; the copy is saved over any earlier state of the same trace.</summary>
    public ValueTask WriteAsync(Trace trace) => WriteCopyAsync(TraceSnapshots.Copy(trace));

    /// <summary>Queues a trace the caller copied and no longer changes.</summary>
    internal ValueTask WriteCopyAsync(Trace copy) => EnqueueAsync(new TraceRecord.TraceState(copy));

    /// <summary>Queues an ended observation, which is not changed afterwards.</summary>
    public ValueTask WriteAsync(Observation observation) => EnqueueAsync(new TraceRecord.ObservationEnded(observation));

    public ValueTask WriteAsync(Score score) => EnqueueAsync(new TraceRecord.ScoreGiven(score));

    /// <summary>
    /// Waits until everything queued before this call is saved (or refused), so that a read that follows
    /// sees it; gives up with false after <paramref name="limit"/> (a database that cannot be reached).
    /// </summary>
    public async Task<bool> CatchUpAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        if (Interlocked.Read(ref _inFlight) == 0)
        {
            return true;
        }

        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await _queue.Writer.WriteAsync(new TraceRecord.Barrier(written), timeout.Token);
            RequestFlush();
            await written.Task.WaitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
    }

    internal void BatchDone(int written, int refused)
    {
        Interlocked.Add(ref _written, written);
        Interlocked.Add(ref _refused, refused);
        Interlocked.Add(ref _inFlight, -(written + refused));
        _databaseUnavailable = false;
    }

    internal void DatabaseUnavailable() => _databaseUnavailable = true;

    /// <summary>No more records are taken: the process is stopping, and the writer saves what is queued.</summary>
    internal void Complete()
    {
        _queue.Writer.TryComplete();
        RequestFlush();
    }

    private void RequestFlush() => Interlocked.Exchange(ref _flushRequested, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ValueTask EnqueueAsync(TraceRecord record)
    {
        // Counted before it is queued, so a reader catching up never misses a record that is already queued.
        Interlocked.Increment(ref _inFlight);
        if (_queue.Writer.TryWrite(record))
        {
            return ValueTask.CompletedTask;
        }

        if (_dropWhenFull || _queue.Reader.Completion.IsCompleted)
        {
            // Full and told to drop, or stopped (work still finishing after the writer's last batch): counted, never silent.
            Drop();
            return ValueTask.CompletedTask;
        }

        return WaitForRoomAsync(record);
    }

    private void Drop()
    {
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Increment(ref _dropped);
        DroppedCounter.Add(1);
    }

    private async ValueTask WaitForRoomAsync(TraceRecord record)
    {
        try
        {
            // The record was acknowledged by the work that made it, so it waits for room rather than being lost.
            await _queue.Writer.WriteAsync(record, CancellationToken.None);
        }
        catch (ChannelClosedException)
        {
            Drop();
        }
    }
}

using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Experiments.Running;

/// <summary>
/// The runner's write-behind queue of finished cells: a cell hands its result over and waits, and one loop keeps all
/// that is queued in one transaction (results, counters, the cost cap and completion checks), then reports progress.
/// A busy runner so commits once for many cells, instead of several times for each (SQLite has one writer at a time).
/// A batch the database refuses is kept cell by cell, so one bad result fails only its own cell.
/// </summary>
internal sealed class FinishedCells(IServiceScopeFactory scopes, ExperimentEvents events, TimeProvider clock)
{
    private const int MaxBatch = 256;

    private readonly Channel<Waiting> _queue = Channel.CreateUnbounded<Waiting>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues the result; true once it is kept, false when the cell's claim was lost (nothing kept).</summary>
    public Task<bool> KeepAsync(ClaimedCell cell, CellFinished outcome)
    {
        var waiting = new Waiting(new FinishedCell(cell, outcome), new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(waiting))
        {
            throw new InvalidOperationException("The runner stopped keeping results.");
        }

        return waiting.Kept.Task;
    }

    /// <summary>Keeps what is queued until <see cref="Complete"/> was called and the queue is empty.</summary>
    public async Task RunAsync()
    {
        var batch = new List<Waiting>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var waiting))
            {
                batch.Add(waiting);
            }

            await KeepAsync(batch);
        }
    }

    /// <summary>No more results come (every cell in flight ended).</summary>
    public void Complete() => _queue.Writer.TryComplete();

    private async Task KeepAsync(IReadOnlyList<Waiting> batch)
    {
        FinishedBatch kept;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            kept = await scope.ServiceProvider.GetRequiredService<ExperimentCellStore>()
                .FinishAsync([.. batch.Select(w => w.Cell)], clock.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception) when (batch.Count > 1)
        {
            foreach (var waiting in batch)
            {
                await KeepAsync([waiting]);
            }

            return;
        }
        catch (Exception e)
        {
            // The cell's own task logs it and gives the cell back.
            batch[0].Kept.TrySetException(e);
            return;
        }

        foreach (var waiting in batch)
        {
            waiting.Kept.TrySetResult(kept.Kept.Contains(waiting.Cell.Cell.Id));
        }

        foreach (var progress in kept.Progress)
        {
            events.RaiseProgress(progress);
        }
    }

    private sealed record Waiting(FinishedCell Cell, TaskCompletionSource<bool> Kept);
}

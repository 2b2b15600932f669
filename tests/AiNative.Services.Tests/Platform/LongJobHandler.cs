using AiNative.Services.Platform.Jobs;

namespace AiNative.Services.Tests.Platform;

/// <summary>A handler that works for a while, honouring its token, and counts its runs in <see cref="LongJobRuns"/>.</summary>
internal sealed class LongJobHandler(LongJobRuns runs) : IJobHandler
{
    public const string JobKind = "test.long";

    public string Kind => JobKind;

    public async Task<JobOutcome> RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        runs.Enter();
        try
        {
            await Task.Delay(runs.Duration, cancellationToken);
            return JobOutcome.Done;
        }
        catch (OperationCanceledException)
        {
            runs.Cancelled();
            throw;
        }
        finally
        {
            runs.Exit();
        }
    }

    public Task OnFailedAsync(JobRun run, string reason, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>What the runs of <see cref="LongJobHandler"/> did: how many started, how many were cancelled, and the most at once.</summary>
internal sealed class LongJobRuns
{
    private int _running;
    private int _started;
    private int _cancelled;
    private int _mostAtOnce;

    /// <summary>How long a run works; read as each run starts.</summary>
    public TimeSpan Duration { get; set; }

    public int Started => Volatile.Read(ref _started);

    public int CancelledRuns => Volatile.Read(ref _cancelled);

    public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

    public void Enter()
    {
        Interlocked.Increment(ref _started);
        var running = Interlocked.Increment(ref _running);
        int most;
        while (running > (most = Volatile.Read(ref _mostAtOnce)) && Interlocked.CompareExchange(ref _mostAtOnce, running, most) != most)
        {
        }
    }

    public void Exit() => Interlocked.Decrement(ref _running);

    public void Cancelled() => Interlocked.Increment(ref _cancelled);
}

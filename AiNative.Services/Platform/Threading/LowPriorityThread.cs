using System.Runtime.InteropServices;

namespace AiNative.Services.Platform.Threading;

/// <summary>
/// Runs asynchronous background work on a thread of its own at a lower operating-system priority, so that on a
/// busy machine it yields the cores to request threads instead of delaying them. Its awaits resume on that thread
/// (a synchronization context of its own), so its processor time stays at the lower priority. Linux sets niceness
/// per thread; <see cref="Thread.Priority"/> does nothing there, so the thread lowers its own niceness. Elsewhere
/// the thread runs at normal priority.
/// </summary>
internal static class LowPriorityThread
{
    /// <summary>Niceness 10: a tenth of a normal thread's share of a core when both want it.</summary>
    private const int Niceness = 10;

    /// <summary>Starts <paramref name="work"/> on a new thread; the task ends when the work does.</summary>
    public static Task RunAsync(string name, Func<Task> work)
    {
        var started = new TaskCompletionSource<Task>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            LowerOwnPriority();
            var pump = new Pump();
            SynchronizationContext.SetSynchronizationContext(pump);
            Task task;
            try
            {
                task = work();
            }
            catch (Exception e)
            {
                task = Task.FromException(e);
            }

            started.SetResult(task);
            task.ContinueWith(_ => pump.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            pump.Run();
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return started.Task.Unwrap();
    }

    /// <summary>The calling thread's niceness on Linux (0 elsewhere, or when it cannot be read).</summary>
    public static int CurrentNiceness()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        Marshal.SetLastPInvokeError(0);
        var value = GetPriority(ProcessWhich, GetThreadId());
        return value == -1 && Marshal.GetLastPInvokeError() != 0 ? 0 : value;
    }

    private static void LowerOwnPriority()
    {
        if (OperatingSystem.IsLinux())
        {
            // Raising one's own niceness needs no privilege; a failure leaves the thread at normal priority.
            _ = SetPriority(ProcessWhich, GetThreadId(), Niceness);
        }
    }

    /// <summary>PRIO_PROCESS: with a thread id, Linux applies the niceness to that thread alone.</summary>
    private const int ProcessWhich = 0;

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int niceness);

    [DllImport("libc", EntryPoint = "getpriority", SetLastError = true)]
    private static extern int GetPriority(int which, int who);

    /// <summary>Runs what is posted to it, in order, on the thread that calls <see cref="Run"/>, until completed and empty.</summary>
    private sealed class Pump : SynchronizationContext
    {
        private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
        private bool _completed;

        public override void Post(SendOrPostCallback d, object? state)
        {
            lock (_queue)
            {
                if (!_completed)
                {
                    _queue.Enqueue((d, state));
                    Monitor.Pulse(_queue);
                    return;
                }
            }

            // Posted after the work ended: the thread is gone.
            ThreadPool.QueueUserWorkItem(s => d(s), state, preferLocal: false);
        }

        public override SynchronizationContext CreateCopy() => this;

        public void Complete()
        {
            lock (_queue)
            {
                _completed = true;
                Monitor.Pulse(_queue);
            }
        }

        public void Run()
        {
            while (true)
            {
                (SendOrPostCallback Callback, object? State) next;
                lock (_queue)
                {
                    while (_queue.Count == 0 && !_completed)
                    {
                        Monitor.Wait(_queue);
                    }

                    if (!_queue.TryDequeue(out next))
                    {
                        return;
                    }
                }

                next.Callback(next.State);
            }
        }
    }
}

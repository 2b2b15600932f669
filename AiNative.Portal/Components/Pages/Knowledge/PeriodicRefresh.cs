namespace AiNative.Portal.Components.Pages.Knowledge;

/// <summary>
/// Checks back on an interval while work is in progress that no live event reports: a re-index's
/// progress, and changes made by another replica or missed before a page's watch began.
/// </summary>
public sealed class PeriodicRefresh : IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Every <paramref name="interval"/>, runs <paramref name="refresh"/> when <paramref name="busy"/> says so, until disposed.</summary>
    public void Start(TimeSpan interval, Func<bool> busy, Func<Task> refresh) => _ = RunAsync(interval, busy, refresh, _stop.Token);

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private static async Task RunAsync(TimeSpan interval, Func<bool> busy, Func<Task> refresh, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (busy())
                {
                    await refresh();
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The page was left.
        }
    }
}

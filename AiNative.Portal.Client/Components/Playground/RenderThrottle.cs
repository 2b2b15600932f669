using System.Diagnostics;

namespace AiNative.Portal.Client.Components.Playground;

/// <summary>
/// Renders a streaming answer at most once per interval, and always once more after the last
/// piece, so a provider that pauses mid-answer still shows everything that arrived. The interval
/// is asked each time, so it can grow with the answer, whose Markdown is converted on every render.
/// </summary>
public sealed class RenderThrottle(Func<TimeSpan> interval, Func<Task> render)
{
    private readonly Stopwatch _sinceRender = Stopwatch.StartNew();
    private bool _pending;

    public async Task RequestAsync()
    {
        var wait = interval() - _sinceRender.Elapsed;
        if (wait <= TimeSpan.Zero)
        {
            await RenderAsync();
        }
        else if (!_pending)
        {
            _pending = true;
            _ = RenderLaterAsync(wait);
        }
    }

    public Task NowAsync() => RenderAsync();

    private async Task RenderLaterAsync(TimeSpan delay)
    {
        await Task.Delay(delay);
        await RenderAsync();
    }

    private async Task RenderAsync()
    {
        _pending = false;
        _sinceRender.Restart();
        await render();
    }
}

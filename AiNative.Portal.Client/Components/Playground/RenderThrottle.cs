using System.Diagnostics;

namespace AiNative.Portal.Client.Components.Playground;

/// <summary>
/// Renders a streaming answer at most once per interval, and always once more after the last
/// piece, so a provider that pauses mid-answer still shows everything that arrived.
/// </summary>
public sealed class RenderThrottle(TimeSpan interval, Func<Task> render)
{
    private readonly Stopwatch _sinceRender = Stopwatch.StartNew();
    private bool _pending;

    public async Task RequestAsync()
    {
        if (_sinceRender.Elapsed >= interval)
        {
            await RenderAsync();
        }
        else if (!_pending)
        {
            _pending = true;
            _ = RenderLaterAsync(interval - _sinceRender.Elapsed);
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

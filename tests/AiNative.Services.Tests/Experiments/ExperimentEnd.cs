using AiNative.Services.Experiments;
using AiNative.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Tests.Experiments;

/// <summary>
/// Waits for an experiment's run to end (completed, cancelled, stopped by its cap) as the runner reports it through
/// <see cref="ExperimentEvents"/>, the event pages follow; watch before starting, so the end cannot be missed.
/// </summary>
internal sealed class ExperimentEnd : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private readonly ExperimentEvents _events;
    private readonly Func<ExperimentProgress, bool> _until;
    private readonly TaskCompletionSource<ExperimentProgress> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Guid? _experimentId;

    private ExperimentEnd(IServiceProvider services, Func<ExperimentProgress, bool> until)
    {
        _events = services.GetRequiredService<ExperimentEvents>();
        _until = until;
        _events.ProgressChanged += OnProgress;
    }

    /// <summary>Watches for the end of the next experiment named with <see cref="Of"/>.</summary>
    public static ExperimentEnd Watch(IServiceProvider services) =>
        new(services, p => p.Status is not (ExperimentStatus.Running or ExperimentStatus.Draft));

    /// <summary>Watches for the first progress that <paramref name="until"/> accepts.</summary>
    public static ExperimentEnd WatchFor(IServiceProvider services, Func<ExperimentProgress, bool> until) => new(services, until);

    public ExperimentEnd Of(Guid experimentId)
    {
        _experimentId = experimentId;
        return this;
    }

    public async Task<ExperimentProgress> WaitAsync() => await _ended.Task.WaitAsync(Limit, TestContext.Current.CancellationToken);

    /// <summary>As <see cref="WaitAsync()"/>, for a run that may have ended before the watch began (in a host just started).</summary>
    public async Task<ExperimentProgress> WaitAsync(TeamScope scope)
    {
        var current = ExperimentProgress.Of(await scope.Get<ExperimentRegistry>().GetAsync(_experimentId!.Value, TestContext.Current.CancellationToken));
        return _until(current) ? current : await WaitAsync();
    }

    public void Dispose() => _events.ProgressChanged -= OnProgress;

    private void OnProgress(ExperimentProgress progress)
    {
        if ((_experimentId is null || progress.ExperimentId == _experimentId) && _until(progress))
        {
            _ended.TrySetResult(progress);
        }
    }
}

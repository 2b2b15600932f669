using AiNative.Services.Platform.Jobs;

namespace AiNative.Services.Tests.Platform;

/// <summary>A handler that waits for something that never happens, until its token fires; it records the reason it failed with.</summary>
internal sealed class HangingJobHandler : IJobHandler
{
    public const string JobKind = "test.hang";

    public static List<string> FailureReasons { get; } = [];

    public string Kind => JobKind;

    public async Task<JobOutcome> RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return JobOutcome.Done;
    }

    public Task OnFailedAsync(JobRun run, string reason, CancellationToken cancellationToken)
    {
        lock (FailureReasons)
        {
            FailureReasons.Add(reason);
        }

        return Task.CompletedTask;
    }
}

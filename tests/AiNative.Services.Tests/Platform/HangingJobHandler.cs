using AiNative.Services.Platform.Jobs;

namespace AiNative.Services.Tests.Platform;

/// <summary>A handler that waits for something that never happens, until its token fires; it records the reason it failed with.</summary>
internal sealed class HangingJobHandler(HangingJobFailures failures) : IJobHandler
{
    public const string JobKind = "test.hang";

    public string Kind => JobKind;

    public async Task<JobOutcome> RunAsync(JobRun run, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return JobOutcome.Done;
    }

    public Task OnFailedAsync(JobRun run, string reason, CancellationToken cancellationToken)
    {
        failures.Add(reason);
        return Task.CompletedTask;
    }
}

/// <summary>The reasons <see cref="HangingJobHandler"/> failed with in one host (a singleton), so tests running at once do not see each other's.</summary>
internal sealed class HangingJobFailures
{
    private readonly List<string> _reasons = [];

    public IReadOnlyList<string> Reasons
    {
        get
        {
            lock (_reasons)
            {
                return [.. _reasons];
            }
        }
    }

    public void Add(string reason)
    {
        lock (_reasons)
        {
            _reasons.Add(reason);
        }
    }
}

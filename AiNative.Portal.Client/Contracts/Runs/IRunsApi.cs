namespace AiNative.Portal.Client.Contracts.Runs;

/// <summary>
/// The playground's runs: run a prompt and follow it as it streams, then read the team's history
/// of runs, each with the messages sent, the answer, its numbers and its trace.
/// </summary>
public interface IRunsApi
{
    /// <summary>
    /// Runs a prompt: <see cref="RunRenderedEventDto"/> first, then the answer in
    /// <see cref="RunDeltaEventDto"/>s, then <see cref="RunCompletedEventDto"/> or
    /// <see cref="RunFailedEventDto"/>. Input that cannot be rendered throws an
    /// <see cref="ApiException"/> before any event. Cancelling stops the run, which is saved as cancelled.
    /// </summary>
    IAsyncEnumerable<RunEventDto> StreamAsync(StartRunRequest request, CancellationToken cancellationToken = default);

    /// <summary>A page of the team's runs, newest first.</summary>
    Task<RunPageDto> ListAsync(RunListQuery query, CancellationToken cancellationToken = default);

    /// <summary>A run in full; <paramref name="settled"/> waits for a run that is ending (one just cancelled) to be recorded as ended.</summary>
    Task<RunDetailsDto> GetAsync(Guid runId, bool settled = false, CancellationToken cancellationToken = default);
}

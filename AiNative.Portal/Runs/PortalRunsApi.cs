using System.Runtime.CompilerServices;
using AiNative.Portal.Client.Contracts.Runs;
using AiNative.Portal.Platform;
using AiNative.Services.Execution;

namespace AiNative.Portal.Runs;

/// <summary>The playground's runs in process, for prerendering and the HTTP endpoints.</summary>
internal sealed class PortalRunsApi(PromptExecutor runner, RunHistory history) : IRunsApi
{
    public async IAsyncEnumerable<RunEventDto> StreamAsync(StartRunRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var events = runner.RunAsync(request.ToRunRequest(), cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (events)
        {
            // Only rendering throws (a run that was sent ends in an event instead), as the contract's ApiException.
            while (await ServerApi.CallAsync(() => events.MoveNextAsync().AsTask()))
            {
                yield return events.Current.ToDto();
            }
        }
    }

    public Task<RunPageDto> ListAsync(RunListQuery query, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await history.ListAsync(query.PromptId, query.Page, query.PageSize, cancellationToken)).ToRunPageDto());

    public Task<RunDetailsDto> GetAsync(Guid runId, bool settled = false, CancellationToken cancellationToken = default) =>
        ServerApi.CallAsync(async () => (await history.GetAsync(runId, settled, cancellationToken)).ToDetailsDto());
}

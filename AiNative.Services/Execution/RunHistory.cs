using AiNative.Services.Platform.Errors;
using AiNative.Services.Traces;
using AiNative.Services.Traces.Queries;

namespace AiNative.Services.Execution;

/// <summary>The team's past prompt runs, which are the playground's traces: a page of them, newest first, and one in full.</summary>
public sealed class RunHistory(TraceQueries traces)
{
    /// <summary>Page <paramref name="page"/> (from 1) of the runs, of one prompt when <paramref name="promptId"/> is given.</summary>
    public Task<TracePage> ListAsync(Guid? promptId, int page, int pageSize, CancellationToken cancellationToken) =>
        traces.ListAsync(new TraceQuery { Source = TraceSource.Playground, PromptId = promptId, Page = page, PageSize = pageSize }, cancellationToken);

    /// <summary>The run with its observations; <paramref name="settled"/> waits for a run this process is still ending (one just cancelled).</summary>
    public async Task<RunRecord> GetAsync(Guid runId, bool settled, CancellationToken cancellationToken)
    {
        var details = await traces.GetAsync(runId, settled, cancellationToken);
        return details.Trace.Source == TraceSource.Playground
            ? new RunRecord(details.Trace, details.Observations)
            : throw new NotFoundException("Run", runId);
    }
}

using AiNative.Portal.Client.Contracts.Runs;
using AiNative.Portal.Platform;
using AiNative.Services.Teams;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiNative.Portal.Runs;

/// <summary>
/// <c>/api/teams/{teamId}/runs</c>: the playground's runs. Running changes nothing of the team's
/// configuration, so viewers may run prompts (and their runs are saved like anyone's).
/// </summary>
public static class RunsEndpoints
{
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder endpoints)
    {
        var runs = endpoints.MapTeamGroup("runs", "Runs");
        runs.MapPost("", StartAsync).WithName("StartRun")
            .WithSummary("Run a prompt: server-sent events 'rendered', then 'delta' pieces of the answer, then 'completed' or 'failed'; closing the stream cancels the run")
            .RequireTeamRole(TeamRole.Viewer);
        runs.MapGet("", ListAsync).WithName("ListRuns").WithSummary("A page of the team's runs, newest first, optionally of one prompt");
        runs.MapGet("{runId:guid}", GetAsync).WithName("GetRun").WithSummary("A run with its messages, output, settings and trace; settled=true waits for a run that is ending (one just cancelled)");
        return endpoints;
    }

    private static async Task<ServerSentEventsResult<RunEventDto>> StartAsync(StartRunRequest request, IRunsApi runs, CancellationToken cancellationToken) =>
        TypedResults.ServerSentEvents(await RunEventStream.StartAsync(runs.StreamAsync(request, cancellationToken), cancellationToken));

    private static async Task<Ok<RunPageDto>> ListAsync(
        IRunsApi runs, CancellationToken cancellationToken, Guid? promptId = null, int page = 1, int pageSize = RunListQuery.DefaultPageSize) =>
        TypedResults.Ok(await runs.ListAsync(new RunListQuery(promptId, page, pageSize), cancellationToken));

    private static async Task<Ok<RunDetailsDto>> GetAsync(Guid runId, IRunsApi runs, CancellationToken cancellationToken, bool settled = false) =>
        TypedResults.Ok(await runs.GetAsync(runId, settled, cancellationToken));
}

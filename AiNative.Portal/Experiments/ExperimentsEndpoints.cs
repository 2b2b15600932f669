using AiNative.Portal.Client.Contracts.Experiments;
using AiNative.Portal.Platform;
using AiNative.Services.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AiNative.Portal.Experiments;

/// <summary>
/// <c>/api/teams/{teamId}/experiments</c>: experiments (create a draft with its estimate, start, cancel, re-run the
/// failed cells), the summary per variant, the side-by-side rows paged on the server, progress as server-sent events,
/// and cells with their scores as CSV or JSON Lines.
/// </summary>
public static class ExperimentsEndpoints
{
    public static IEndpointRouteBuilder MapExperimentsApi(this IEndpointRouteBuilder endpoints)
    {
        var experiments = endpoints.MapTeamGroup("experiments", "Experiments");
        experiments.MapGet("", ListAsync).WithName("ListExperiments").WithSummary("The team's experiments, newest first, with their progress");
        experiments.MapPost("", CreateAsync).WithName("CreateExperiment")
            .WithSummary("Create an experiment as a draft with its estimate; every problem (a variable the items lack, a version that does not exist) answers 400 naming its field");
        experiments.MapPost("estimate", EstimateAsync).WithName("EstimateExperiment")
            .WithSummary("The calls and the cost an experiment would take, checked as creating it would be; nothing is saved");
        experiments.MapGet("{experimentId:guid}", GetAsync).WithName("GetExperiment")
            .WithSummary("An experiment with its variants, progress and summary per variant (means with 95% intervals, pass rates, wins against the baseline, latency, cost)");
        experiments.MapPost("{experimentId:guid}/start", StartAsync).WithName("StartExperiment")
            .WithSummary("Run a draft: one cell per item and variant, in the background");
        experiments.MapPost("{experimentId:guid}/cancel", CancelAsync).WithName("CancelExperiment")
            .WithSummary("Cancel a running experiment: cells not run are cancelled, cells in flight are stopped");
        experiments.MapPost("{experimentId:guid}/rerun-failed", RerunFailedAsync).WithName("RerunFailedExperimentCells")
            .WithSummary("Run the failed cells again, alone");
        experiments.MapGet("{experimentId:guid}/cells", ListRowsAsync).WithName("ListExperimentCells")
            .WithSummary("A page of items (filter: all, failures, regressions or disagreements; sort: dataset or score-change), each with its cells in the variants' order");
        experiments.MapPost("{experimentId:guid}/variants/{variantId:guid}/promote", PromoteAsync).WithName("PromoteExperimentVariant")
            .WithSummary("Move a label of the variant's prompt (production unless named) to the variant's version; answers with the version it pointed at before");
        experiments.MapGet("{experimentId:guid}/cells/export", ExportAsync).WithName("ExportExperimentCells")
            .WithSummary("Every cell with its scores as csv or jsonl, streamed");
        experiments.MapGet("{experimentId:guid}/events", WatchAsync).WithName("WatchExperiment")
            .WithSummary("Server-sent events: the experiment's progress as it is, then after every cell");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<ExperimentDto>>> ListAsync(IExperimentsApi experiments, CancellationToken cancellationToken) =>
        TypedResults.Ok(await experiments.ListAsync(cancellationToken));

    private static async Task<Created<ExperimentDetailsDto>> CreateAsync(
        Guid teamId, CreateExperimentRequest request, IExperimentsApi experiments, CancellationToken cancellationToken)
    {
        var created = await experiments.CreateAsync(request, cancellationToken);
        return TypedResults.Created($"/api/teams/{teamId}/experiments/{created.Id}", created);
    }

    private static async Task<Ok<ExperimentEstimateDto>> EstimateAsync(CreateExperimentRequest request, IExperimentsApi experiments, CancellationToken cancellationToken) =>
        TypedResults.Ok(await experiments.EstimateAsync(request, cancellationToken));

    private static async Task<Ok<ExperimentDetailsDto>> GetAsync(Guid experimentId, IExperimentsApi experiments, CancellationToken cancellationToken) =>
        TypedResults.Ok(await experiments.GetAsync(experimentId, cancellationToken));

    private static async Task<Ok<ExperimentDetailsDto>> StartAsync(Guid experimentId, IExperimentsApi experiments, CancellationToken cancellationToken) =>
        TypedResults.Ok(await experiments.StartAsync(experimentId, cancellationToken));

    private static async Task<Ok<ExperimentDetailsDto>> CancelAsync(Guid experimentId, IExperimentsApi experiments, CancellationToken cancellationToken) =>
        TypedResults.Ok(await experiments.CancelAsync(experimentId, cancellationToken));

    private static async Task<Ok<ExperimentDetailsDto>> RerunFailedAsync(Guid experimentId, IExperimentsApi experiments, CancellationToken cancellationToken) =>
        TypedResults.Ok(await experiments.RerunFailedAsync(experimentId, cancellationToken));

    private static async Task<Ok<PromotionDto>> PromoteAsync(
        Guid experimentId, Guid variantId, PromoteRequest request, IExperimentsApi experiments, CancellationToken cancellationToken) =>
        TypedResults.Ok(await experiments.PromoteAsync(experimentId, variantId, request, cancellationToken));

    private static async Task<Ok<ExperimentRowPageDto>> ListRowsAsync(
        Guid experimentId, [FromQuery] string? filter, [FromQuery] string? sort, int? page, int? pageSize, IExperimentsApi experiments, CancellationToken cancellationToken)
    {
        var rows = filter?.ToLowerInvariant() switch
        {
            null or "" or "all" => RowFilterDto.All,
            "failures" or "failed" => RowFilterDto.Failures,
            "regressions" => RowFilterDto.Regressions,
            "disagreements" => RowFilterDto.Disagreements,
            _ => throw new ValidationFailedException("Filter", $"'{filter}' is not a filter; use all, failures, regressions or disagreements."),
        };
        var order = sort?.ToLowerInvariant() switch
        {
            null or "" or "dataset" => RowOrderDto.Dataset,
            "score-change" => RowOrderDto.ScoreChange,
            _ => throw new ValidationFailedException("Sort", $"'{sort}' is not an order; use dataset or score-change."),
        };
        return TypedResults.Ok(await experiments.ListRowsAsync(
            experimentId, new ExperimentRowQuery(rows, page ?? 1, pageSize ?? ExperimentRowQuery.DefaultPageSize, order), cancellationToken));
    }

    private static async Task<PushStreamHttpResult> ExportAsync(
        Guid experimentId, [FromQuery] string? format, IExperimentsApi experiments, HttpContext http, CancellationToken cancellationToken)
    {
        var fileFormat = format?.ToLowerInvariant() switch
        {
            null or "" or "csv" => ExperimentExportFormatDto.Csv,
            "jsonl" or "ndjson" => ExperimentExportFormatDto.JsonLines,
            _ => throw new ValidationFailedException("Format", "Export as csv or jsonl."),
        };

        // Checked before the first byte: once the file streams, a problem can no longer be answered with a status.
        var file = await experiments.PrepareExportAsync(experimentId, fileFormat, cancellationToken);
        return TypedResults.Stream(body => experiments.ExportAsync(file, body, http.RequestAborted), file.ContentType, file.FileName);
    }

    private static async Task<ServerSentEventsResult<ExperimentProgressDto>> WatchAsync(
        Guid experimentId, IExperimentsApi experiments, CancellationToken cancellationToken)
    {
        // Once events stream the status is sent; an unknown experiment must answer 404 before that.
        await experiments.GetAsync(experimentId, cancellationToken);
        return TypedResults.ServerSentEvents(experiments.WatchAsync(experimentId, cancellationToken), eventType: "progress");
    }
}

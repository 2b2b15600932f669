using AiNative.Portal.Client.Contracts.Traces;
using AiNative.Portal.Platform;
using AiNative.Services.Teams;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AiNative.Portal.Traces;

/// <summary>
/// <c>/api/teams/{teamId}/traces</c>: read the team's traces with their observations and scores, add
/// scores (user feedback from applications), ingest traces an application recorded itself, and the
/// score definitions and privacy setting that govern them.
/// </summary>
public static class TracesEndpoints
{
    /// <summary>Multi-Status: some items of an ingestion batch were kept and some refused.</summary>
    private const int MultiStatus = 207;

    public static IEndpointRouteBuilder MapTracesApi(this IEndpointRouteBuilder endpoints)
    {
        var traces = endpoints.MapTeamGroup("traces", "Traces");
        traces.MapGet("", ListAsync).WithName("ListTraces")
            .WithSummary("A page of the team's traces, newest first, filtered by source, status, prompt, model, tag, text, time and score");
        traces.MapGet("{traceId:guid}", GetAsync).WithName("GetTrace").WithSummary("A trace with its observations (in the order they started) and its scores");
        traces.MapPost("{traceId:guid}/scores", AddScoreAsync).WithName("AddScore")
            .WithSummary("Score a trace or one of its observations with one of the team's score definitions (user feedback, review)");
        traces.MapPost("ingest", IngestAsync).WithName("IngestTraces")
            .WithSummary("Record traces and observations an application made itself; 207 names each refused item with its index and reason, the rest is kept");
        traces.MapGet("settings", GetSettingsAsync).WithName("GetTraceSettings")
            .WithSummary("The team's trace privacy, and the trace writer's queue, drops and database state");
        traces.MapPut("settings/privacy", SetPrivacyAsync).WithName("SetTracePrivacy")
            .WithSummary("How much content the team's traces keep from now on: Full, MetadataOnly or None")
            .RequireTeamRole(TeamRole.Owner);
        traces.MapPut("settings/retention", SetRetentionAsync).WithName("SetTraceContentRetention")
            .WithSummary("After how many days traces lose their content (inputs, messages, outputs); null keeps it. Tokens, cost and times stay")
            .RequireTeamRole(TeamRole.Owner);

        var definitions = endpoints.MapTeamGroup("score-definitions", "Traces");
        definitions.MapGet("", ListDefinitionsAsync).WithName("ListScoreDefinitions").WithSummary("The scores the team collects");
        definitions.MapPost("", CreateDefinitionAsync).WithName("CreateScoreDefinition").WithSummary("Define a numeric, boolean or categorical score");
        definitions.MapDelete("{definitionId:guid}", DeleteDefinitionAsync).WithName("DeleteScoreDefinition")
            .WithSummary("Delete a score definition; scores already given under its name stay");
        return endpoints;
    }

    private static async Task<Ok<TracePageDto>> ListAsync(
        ITracesApi traces,
        CancellationToken cancellationToken,
        TraceSourceDto? source = null,
        TraceStatusDto? status = null,
        Guid? promptId = null,
        string? model = null,
        string? tag = null,
        string? search = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        string? scoreName = null,
        double? minScore = null,
        double? maxScore = null,
        string? scoreValue = null,
        int page = 1,
        int pageSize = TraceListQuery.DefaultPageSize) =>
        TypedResults.Ok(await traces.ListAsync(
            new TraceListQuery
            {
                Source = source,
                Status = status,
                PromptId = promptId,
                Model = model,
                Tag = tag,
                Search = search,
                From = from,
                To = to,
                ScoreName = scoreName,
                MinScore = minScore,
                MaxScore = maxScore,
                ScoreValue = scoreValue,
                Page = page,
                PageSize = pageSize,
            },
            cancellationToken));

    private static async Task<Ok<TraceDetailsDto>> GetAsync(Guid traceId, ITracesApi traces, CancellationToken cancellationToken) =>
        TypedResults.Ok(await traces.GetAsync(traceId, cancellationToken));

    private static async Task<Created<ScoreDto>> AddScoreAsync(Guid traceId, AddScoreRequest request, ITracesApi traces, CancellationToken cancellationToken)
    {
        var score = await traces.AddScoreAsync(traceId, request, cancellationToken);
        return TypedResults.Created($"{traceId}", score);
    }

    private static async Task<IResult> IngestAsync(IngestionBatchDto batch, ITracesApi traces, CancellationToken cancellationToken)
    {
        var result = await traces.IngestAsync(batch, cancellationToken);
        return result.Errors.Count == 0 ? TypedResults.Ok(result) : TypedResults.Json(result, statusCode: MultiStatus);
    }

    private static async Task<Ok<TraceSettingsDto>> GetSettingsAsync(ITracesApi traces, CancellationToken cancellationToken) =>
        TypedResults.Ok(await traces.GetSettingsAsync(cancellationToken));

    private static async Task<NoContent> SetRetentionAsync(SetContentRetentionRequest request, ITracesApi traces, CancellationToken cancellationToken)
    {
        await traces.SetContentRetentionAsync(request.Days, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SetPrivacyAsync(SetTracePrivacyRequest request, ITracesApi traces, CancellationToken cancellationToken)
    {
        await traces.SetPrivacyAsync(request.Privacy, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<ScoreDefinitionDto>>> ListDefinitionsAsync(ITracesApi traces, CancellationToken cancellationToken) =>
        TypedResults.Ok(await traces.ListScoreDefinitionsAsync(cancellationToken));

    private static async Task<Created<ScoreDefinitionDto>> CreateDefinitionAsync(
        CreateScoreDefinitionRequest request, ITracesApi traces, CancellationToken cancellationToken)
    {
        var definition = await traces.CreateScoreDefinitionAsync(request, cancellationToken);
        return TypedResults.Created($"{definition.Id}", definition);
    }

    private static async Task<NoContent> DeleteDefinitionAsync(Guid definitionId, ITracesApi traces, CancellationToken cancellationToken)
    {
        await traces.DeleteScoreDefinitionAsync(definitionId, cancellationToken);
        return TypedResults.NoContent();
    }
}

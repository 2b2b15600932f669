using System.Text.Json;
using AiNative.Portal.Client.Contracts.Runs;
using AiNative.Portal.Client.Contracts.Traces;
using AiNative.Services.Traces;
using AiNative.Services.Traces.Ingestion;
using AiNative.Services.Traces.Queries;
using AiNative.Services.Traces.Scoring;

namespace AiNative.Portal.Traces;

/// <summary>Between the trace services' types and the API contract's DTOs.</summary>
internal static class TraceMappings
{
    public static TraceQuery ToQuery(this TraceListQuery query) => new()
    {
        Source = (TraceSource?)query.Source,
        Status = (TraceStatus?)query.Status,
        PromptId = query.PromptId,
        Model = query.Model,
        Tag = query.Tag,
        Search = query.Search,
        From = query.From,
        To = query.To,
        ScoreName = query.ScoreName,
        MinScore = query.MinScore,
        MaxScore = query.MaxScore,
        ScoreValue = query.ScoreValue,
        Page = query.Page,
        PageSize = query.PageSize,
    };

    public static TracePageDto ToDto(this TracePage page) =>
        new([.. page.Items.Select(ToDto)], page.Total, page.TotalIsLowerBound, page.Page, page.PageSize);

    public static TraceSummaryDto ToDto(this TraceListItem t) =>
        new(t.Id, (TraceSourceDto)t.Source, t.Name, (TraceStatusDto)t.Status, t.StartedAt, t.LatencyMs, t.PromptId, t.PromptName, t.PromptVersion,
            t.ModelName, t.InputTokens, t.OutputTokens, t.UsageEstimated, t.Cost, t.TimeToFirstTokenMs, t.FinishReason, t.ProblemTitle, t.ProblemDetail,
            t.ActorName, t.UserId, t.SessionId, t.Tags, t.OutputPreview, t.Feedback);

    public static TraceSummaryDto ToSummaryDto(this Trace t) =>
        new(t.Id, (TraceSourceDto)t.Source, t.Name, (TraceStatusDto)t.Status, t.StartedAt, t.LatencyMs, t.PromptId, t.PromptName, t.PromptVersion,
            t.ModelName, t.InputTokens, t.OutputTokens, t.UsageEstimated, t.Cost, t.TimeToFirstTokenMs, t.FinishReason, t.ProblemTitle, t.ProblemDetail,
            t.ActorName, t.UserId, t.SessionId, t.Tags, Preview(t.Output));

    public static TraceDetailsDto ToDto(this TraceDetails details) =>
        new(details.Trace.ToSummaryDto(), (TracePrivacyDto)details.Trace.Privacy, details.Trace.Input, details.Trace.Output, details.Trace.Metadata,
            [.. details.Observations.Select(o => o.ToDto(details.Trace.StartedAt))], [.. details.Scores.Select(ToDto)]);

    public static ObservationDto ToDto(this Observation o, DateTimeOffset traceStart) =>
        new(o.Id, o.ParentId, (ObservationTypeDto)o.Type, o.Name, (TraceStatusDto)o.Status, o.StartedAt,
            Math.Max(0, (o.StartedAt - traceStart).TotalMilliseconds), o.DurationMs, o.ModelName, o.Input, o.Output,
            o.InputTokens, o.OutputTokens, o.UsageEstimated, o.Cost, o.TimeToFirstTokenMs, o.FinishReason, o.Error, o.Attributes,
            [.. o.Hits.Select(ToDto)]);

    public static RetrievedChunkDto ToDto(this RetrievedChunk h) =>
        new(h.Number, h.ChunkId, h.DocumentId, h.DocumentName, h.Page, h.Heading, h.Relevance, h.VectorScore, h.KeywordScore, h.FusedScore);

    public static ScoreDto ToDto(this Score s) =>
        new(s.Id, s.TraceId, s.ObservationId, s.Name, (ScoreDataTypeDto)s.DataType, s.NumericValue, s.StringValue, (ScoreSourceDto)s.Source,
            s.EvaluatorName, s.EvaluatorVersion, s.AuthorName, s.Comment, s.CreatedAt);

    public static ScoreDefinitionDto ToDto(this ScoreDefinition d) =>
        new(d.Id, d.Name, d.Description, (ScoreDataTypeDto)d.DataType, d.Minimum, d.Maximum, d.Categories);

    public static ScoreInput ToInput(this AddScoreRequest request) => new()
    {
        Name = request.Name,
        Value = request.Value,
        StringValue = request.StringValue,
        Comment = request.Comment,
        ObservationId = request.ObservationId,
    };

    public static ScoreDefinitionInput ToInput(this CreateScoreDefinitionRequest request) => new()
    {
        Name = request.Name,
        Description = request.Description,
        DataType = (ScoreDataType)request.DataType,
        Minimum = request.Minimum,
        Maximum = request.Maximum,
        Categories = request.Categories ?? [],
    };

    public static IngestionBatch ToBatch(this IngestionBatchDto batch) => new(
        [.. (batch.Traces ?? []).Select(t => new IngestedTrace
        {
            Id = t.Id,
            Name = t.Name,
            StartedAt = t.StartedAt,
            EndedAt = t.EndedAt,
            Status = (TraceStatus?)t.Status,
            Input = Text(t.Input),
            Output = Text(t.Output),
            Tags = t.Tags,
            Metadata = t.Metadata,
            UserId = t.UserId,
            SessionId = t.SessionId,
        })],
        [.. (batch.Observations ?? []).Select(o => new IngestedObservation
        {
            Id = o.Id,
            TraceId = o.TraceId,
            ParentId = o.ParentId,
            Type = (ObservationType?)o.Type,
            Name = o.Name,
            StartedAt = o.StartedAt,
            EndedAt = o.EndedAt,
            Status = (TraceStatus?)o.Status,
            Model = o.Model,
            Input = Text(o.Input),
            Output = Text(o.Output),
            InputTokens = o.InputTokens,
            OutputTokens = o.OutputTokens,
            Cost = o.Cost,
            TimeToFirstTokenMs = o.TimeToFirstTokenMs,
            FinishReason = o.FinishReason,
            Error = o.Error,
            Attributes = o.Attributes,
        })]);

    public static IngestionResultDto ToDto(this IngestionResult result) =>
        new(result.Traces, result.Observations, [.. result.Errors.Select(e => new IngestionErrorDto(e.Kind, e.Index, e.Field, e.Message))]);

    /// <summary>A JSON string is kept as its text; any other value as its JSON.</summary>
    private static string? Text(JsonElement? value) => value switch
    {
        null => null,
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => null,
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        { } json => json.GetRawText(),
    };

    private static string Preview(string? output) =>
        output is null ? string.Empty : output.Length <= TraceRules.PreviewLength ? output : output[..TraceRules.PreviewLength];
}

using AiNative.Services.Data;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Services.Traces.Recording;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Traces.Ingestion;

/// <summary>
/// Takes traces and observations that a team's application recorded itself (calls it made without the
/// gateway). Each item is checked on its own: a bad item is named with its index and reason, and the rest
/// is kept. Kept items go through the trace writer like the portal's own, with the team's privacy applied.
/// </summary>
public sealed class TraceIngestion(IDbContextFactory<PortalDbContext> dbFactory, TeamContext team, TraceWriter writer, TracePrivacySettings privacySettings)
{
    private const string TraceKind = "trace";
    private const string ObservationKind = "observation";

    public async Task<IngestionResult> IngestAsync(IngestionBatch batch, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        new Validation()
            .Require(batch.Traces.Count + batch.Observations.Count > 0, "Traces", "The batch is empty: send at least one trace or observation.")
            .Require(batch.Traces.Count + batch.Observations.Count <= TraceRules.MaxIngestionBatch, "Traces",
                $"A batch may hold at most {TraceRules.MaxIngestionBatch:N0} traces and observations together; send the rest in another batch.")
            .ThrowIfInvalid();
        var privacy = await privacySettings.GetAsync(team.TeamId, cancellationToken);
        var errors = new List<IngestionError>();
        await writer.CatchUpAsync(Queries.TraceQueries.CatchUpLimit, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var traces = await ReadTracesAsync(db, batch.Traces, privacy, errors, cancellationToken);
        var observations = await ReadObservationsAsync(db, batch.Observations, traces, privacy, errors, cancellationToken);
        foreach (var trace in traces)
        {
            AddTotals(trace, observations.Where(o => o.TraceId == trace.Id));
            await writer.WriteAsync(trace);
        }

        foreach (var observation in observations)
        {
            await writer.WriteAsync(observation);
        }

        return new IngestionResult([.. traces.Select(t => t.Id)], [.. observations.Select(o => o.Id)], errors);
    }

    private async Task<List<Trace>> ReadTracesAsync(
        PortalDbContext db, IReadOnlyList<IngestedTrace> items, TracePrivacy privacy, List<IngestionError> errors, CancellationToken cancellationToken)
    {
        // An id another team uses is refused: one team cannot write into another's trace.
        var ids = items.Where(t => t.Id is not null).Select(t => t.Id!.Value).ToList();
        var others = await db.Traces.IgnoreQueryFilters().Where(t => ids.Contains(t.Id) && t.TeamId != team.TeamId).Select(t => t.Id)
            .ToHashSetAsync(cancellationToken);
        var traces = new List<Trace>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var problem = IngestionRules.Check(item, others, traces);
            if (problem is { } found)
            {
                errors.Add(new IngestionError(TraceKind, i, found.Field, found.Message));
                continue;
            }

            var trace = new Trace
            {
                Id = item.Id ?? Guid.CreateVersion7(),
                TeamId = team.TeamId,
                Source = TraceSource.Api,
                Name = item.Name!.Trim(),
                Status = item.Status ?? (item.EndedAt is null ? TraceStatus.Running : TraceStatus.Succeeded),
                StartedAt = item.StartedAt!.Value,
                EndedAt = item.EndedAt,
                LatencyMs = item.EndedAt is { } ended ? (ended - item.StartedAt.Value).TotalMilliseconds : 0,
                Privacy = privacy,
                Tags = [.. (item.Tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct()],
                Metadata = item.Metadata is null ? [] : new Dictionary<string, string>(item.Metadata),
                UserId = item.UserId,
                SessionId = item.SessionId,
                ActorId = team.Actor.UserId,
                ActorName = team.Actor.Name,
            };
            trace.Input = TraceContent.Keep(privacy, item.Input, trace.Metadata, TraceContent.InputLength);
            trace.Output = TraceContent.Keep(privacy, item.Output, trace.Metadata, TraceContent.OutputLength);
            traces.Add(trace);
        }

        return traces;
    }

    private async Task<List<Observation>> ReadObservationsAsync(
        PortalDbContext db, IReadOnlyList<IngestedObservation> items, List<Trace> traces, TracePrivacy privacy, List<IngestionError> errors,
        CancellationToken cancellationToken)
    {
        var named = items.Where(o => o.TraceId is not null).Select(o => o.TraceId!.Value).Distinct().ToList();
        var known = await db.Traces.Where(t => named.Contains(t.Id)).Select(t => t.Id).ToHashSetAsync(cancellationToken);
        known.UnionWith(traces.Select(t => t.Id));
        var takenIds = items.Where(o => o.Id is not null).Select(o => o.Id!.Value).ToList();
        var taken = await db.Observations.IgnoreQueryFilters().Where(o => takenIds.Contains(o.Id)).Select(o => o.Id).ToHashSetAsync(cancellationToken);
        var models = await db.Models.AsNoTracking().ToDictionaryAsync(m => m.Name, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var observations = new List<Observation>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var problem = IngestionRules.Check(item, known, taken, observations);
            if (problem is { } found)
            {
                errors.Add(new IngestionError(ObservationKind, i, found.Field, found.Message));
                continue;
            }

            var model = item.Model is { } name ? models.GetValueOrDefault(name.Trim()) : null;
            var observation = new Observation
            {
                Id = item.Id ?? Guid.CreateVersion7(),
                TeamId = team.TeamId,
                TraceId = item.TraceId!.Value,
                ParentId = item.ParentId,
                Type = item.Type ?? ObservationType.Span,
                Name = item.Name!.Trim(),
                Status = item.Status ?? (item.Error is null ? TraceStatus.Succeeded : TraceStatus.Failed),
                StartedAt = item.StartedAt!.Value,
                DurationMs = item.EndedAt is { } ended ? (ended - item.StartedAt.Value).TotalMilliseconds : 0,
                ModelId = model?.Id,
                ModelName = model?.Name ?? item.Model?.Trim(),
                InputTokens = item.InputTokens ?? 0,
                OutputTokens = item.OutputTokens ?? 0,
                Cost = item.Cost is { } cost ? Money.Round(cost) : model?.CostOf(item.InputTokens ?? 0, item.OutputTokens ?? 0) ?? 0,
                TimeToFirstTokenMs = item.TimeToFirstTokenMs,
                FinishReason = item.FinishReason,
                Error = item.Error,
                Attributes = item.Attributes is null ? [] : new Dictionary<string, string>(item.Attributes),
            };
            observation.Input = TraceContent.Keep(privacy, item.Input, observation.Attributes, TraceContent.InputLength);
            observation.Output = TraceContent.Keep(privacy, item.Output, observation.Attributes, TraceContent.OutputLength);
            observations.Add(observation);
        }

        return observations;
    }

    private static void AddTotals(Trace trace, IEnumerable<Observation> observations)
    {
        foreach (var call in observations.Where(o => o.Type is ObservationType.Generation or ObservationType.Embedding))
        {
            trace.InputTokens += call.InputTokens;
            trace.OutputTokens += call.OutputTokens;
            trace.Cost += call.Cost;
            if (trace.ModelName is null || call.Type == ObservationType.Generation)
            {
                trace.ModelId ??= call.ModelId;
                trace.ModelName ??= call.ModelName;
            }
        }
    }
}

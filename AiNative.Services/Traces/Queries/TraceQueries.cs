using AiNative.Services.Data;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Services.Traces.Recording;
using AiNative.Services.Traces.Scoring;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Traces.Queries;

/// <summary>
/// Reads the team's traces. Each read first catches up with the writer (briefly: a database that cannot
/// be reached does not hold a page for long), so work that just ended is listed.
/// </summary>
public sealed class TraceQueries(IDbContextFactory<PortalDbContext> dbFactory, TeamContext team, TraceWriter writer, LiveTraces live)
{
    /// <summary>Pages count this many matches at most, and say "more" beyond.</summary>
    public const int CountLimit = 10_000;

    /// <summary>How long a read waits for the writer to save what was queued before it.</summary>
    public static readonly TimeSpan CatchUpLimit = TimeSpan.FromSeconds(2);

    /// <summary>How long a read of a running trace may wait for it to end, when asked to.</summary>
    public static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(10);

    public async Task<TracePage> ListAsync(TraceQuery query, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        new Validation()
            .Require(query.Page >= 1, "Page", "The page must be 1 or more.")
            .Require(query.PageSize is >= 1 and <= TraceRules.MaxPageSize, "PageSize", $"The page size must be between 1 and {TraceRules.MaxPageSize}.")
            .Require(query.From is null || query.To is null || query.From <= query.To, "From", "The start of the period must be before its end.")
            .Require(query.ScoreName is not null || (query.MinScore is null && query.MaxScore is null && query.ScoreValue is null), "ScoreName",
                "Name the score that the minimum, maximum or value applies to.")
            .ThrowIfInvalid();
        await writer.CatchUpAsync(CatchUpLimit, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var traces = Filter(db, query);
        var total = await traces.Take(CountLimit + 1).CountAsync(cancellationToken);
        var items = await traces
            .OrderByDescending(t => t.StartedAt).ThenByDescending(t => t.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(t => new TraceListItem(
                t.Id, t.Source, t.Name, t.Status, t.StartedAt, t.LatencyMs, t.PromptId, t.PromptName, t.PromptVersion, t.ModelId, t.ModelName,
                t.InputTokens, t.OutputTokens, t.UsageEstimated, t.Cost, t.TimeToFirstTokenMs, t.FinishReason, t.ProblemTitle, t.ProblemDetail,
                t.ActorName, t.UserId, t.SessionId, t.Tags, (t.Output ?? string.Empty).Substring(0, TraceRules.PreviewLength),
                db.Scores.Where(s => s.TraceId == t.Id && s.Name == ScoreDefinitionsSeeder.UserFeedback && s.ObservationId == null)
                    .OrderByDescending(s => s.CreatedAt).Select(s => s.StringValue).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new TracePage(items, Math.Min(total, CountLimit), total > CountLimit, query.Page, query.PageSize);
    }

    /// <summary>
    /// The trace with its observations and scores. With <paramref name="settled"/>, a trace this process is
    /// still running is waited for (up to <see cref="SettleLimit"/>), as after a cancelled run.
    /// </summary>
    public async Task<TraceDetails> GetAsync(Guid traceId, bool settled, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        if (settled)
        {
            await live.WhenEndedAsync(traceId, SettleLimit, cancellationToken);
        }

        await writer.CatchUpAsync(CatchUpLimit, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var trace = await db.Traces.AsNoTracking().SingleOrDefaultAsync(t => t.Id == traceId, cancellationToken)
            ?? throw new NotFoundException("Trace", traceId);
        var observations = await db.Observations.AsNoTracking().Where(o => o.TraceId == traceId)
            .OrderBy(o => o.StartedAt).ThenBy(o => o.Id).ToListAsync(cancellationToken);
        var scores = await db.Scores.AsNoTracking().Where(s => s.TraceId == traceId)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        return new TraceDetails(trace, observations, scores);
    }

    private static IQueryable<Trace> Filter(PortalDbContext db, TraceQuery query)
    {
        var traces = db.Traces.AsNoTracking();
        if (query.Source is { } source)
        {
            traces = traces.Where(t => t.Source == source);
        }

        if (query.Status is { } status)
        {
            traces = traces.Where(t => t.Status == status);
        }

        if (query.PromptId is { } promptId)
        {
            traces = traces.Where(t => t.PromptId == promptId);
        }

        if (!string.IsNullOrWhiteSpace(query.Model))
        {
            traces = traces.Where(t => t.ModelName == query.Model);
        }

        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            traces = traces.Where(t => t.Tags.Contains(query.Tag));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim();
            traces = traces.Where(t => t.Name.Contains(text) || (t.UserId != null && t.UserId.Contains(text)) || (t.SessionId != null && t.SessionId.Contains(text)));
        }

        if (query.From is { } from)
        {
            traces = traces.Where(t => t.StartedAt >= from);
        }

        if (query.To is { } to)
        {
            traces = traces.Where(t => t.StartedAt <= to);
        }

        if (query.ScoreName is { } name)
        {
            var scores = db.Scores.Where(s => s.Name == name);
            if (query.ScoreValue is { } value)
            {
                scores = scores.Where(s => s.StringValue == value);
            }

            if (query.MinScore is { } min)
            {
                scores = scores.Where(s => s.NumericValue >= min);
            }

            if (query.MaxScore is { } max)
            {
                scores = scores.Where(s => s.NumericValue <= max);
            }

            traces = traces.Where(t => scores.Any(s => s.TraceId == t.Id));
        }

        return traces;
    }
}

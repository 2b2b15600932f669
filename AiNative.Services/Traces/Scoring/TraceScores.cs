using AiNative.Services.Data;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Services.Traces.Recording;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Traces.Scoring;

/// <summary>
/// Scores of the team's traces, from people (human review), applications (user feedback) and evaluators.
/// Every score follows one of the team's <see cref="ScoreDefinition"/>s, so scores of one name compare.
/// </summary>
public sealed class TraceScores(IDbContextFactory<PortalDbContext> dbFactory, TeamContext team, TraceWriter writer, TimeProvider clock)
{
    public Task<Score> AddAsync(Guid traceId, ScoreInput input, ScoreSource source, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        return AddAsync(_ => true, traceId, input, source, cancellationToken);
    }

    /// <summary>
    /// Scores a trace that matches <paramref name="scorable"/>, for callers that decide who may score what themselves:
    /// a gateway key gives feedback on its own requests only.
    /// </summary>
    internal async Task<Score> AddAsync(
        System.Linq.Expressions.Expression<Func<Trace, bool>> scorable, Guid traceId, ScoreInput input, ScoreSource source, CancellationToken cancellationToken)
    {
        new Validation()
            .RequireText(input.Name, "Name", TraceRules.ScoreNameMaxLength)
            .Require((input.Comment?.Length ?? 0) <= TraceRules.CommentMaxLength, "Comment", $"The comment must be at most {TraceRules.CommentMaxLength:N0} characters.")
            .ThrowIfInvalid();

        // A trace that just ended may still be on its way to the database.
        await writer.CatchUpAsync(Queries.TraceQueries.CatchUpLimit, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Traces.Where(t => t.Id == traceId).AnyAsync(scorable, cancellationToken))
        {
            throw new NotFoundException("Trace", traceId);
        }

        if (input.ObservationId is { } observationId && !await db.Observations.AnyAsync(o => o.Id == observationId && o.TraceId == traceId, cancellationToken))
        {
            throw new ValidationFailedException("ObservationId", $"Trace {traceId} has no observation {observationId}.");
        }

        var name = input.Name!.Trim();
        var definition = await db.ScoreDefinitions.AsNoTracking().SingleOrDefaultAsync(d => d.Name == name, cancellationToken)
            ?? throw new ValidationFailedException("Name",
                $"The team has no score named '{name}'. Define it first (Traces → Score definitions), or use one of the names defined there.");
        var (numeric, text) = ScoreValues.Check(definition, input);
        var score = new Score
        {
            TraceId = traceId,
            ObservationId = input.ObservationId,
            Name = definition.Name,
            DataType = definition.DataType,
            NumericValue = numeric,
            StringValue = text,
            Source = source,
            AuthorId = team.Actor.UserId,
            AuthorName = team.Actor.Name,
            Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Scores.Add(score);
        await db.SaveChangesAsync(cancellationToken);
        return score;
    }

    public async Task<IReadOnlyList<Score>> ListAsync(Guid traceId, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Viewer);
        await writer.CatchUpAsync(Queries.TraceQueries.CatchUpLimit, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Traces.AnyAsync(t => t.Id == traceId, cancellationToken))
        {
            throw new NotFoundException("Trace", traceId);
        }

        return await db.Scores.AsNoTracking().Where(s => s.TraceId == traceId).OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
    }
}

using AiNative.Services.Data;
using AiNative.Services.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Runs;

/// <summary>The team's past runs: a page of them, newest first, and one with its trace.</summary>
public sealed class RunHistory(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>Page <paramref name="page"/> (from 1) of the runs, of one prompt when <paramref name="promptId"/> is given.</summary>
    public async Task<RunPage> ListAsync(Guid? promptId, int page, int pageSize, CancellationToken cancellationToken)
    {
        new Validation()
            .Require(page >= 1, "Page", "The page must be 1 or more.")
            .Require(pageSize is >= 1 and <= RunRules.MaxPageSize, "PageSize", $"The page size must be between 1 and {RunRules.MaxPageSize}.")
            .ThrowIfInvalid();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = db.PromptRuns.AsNoTracking();
        if (promptId is { } id)
        {
            runs = runs.Where(r => r.PromptId == id);
        }

        var total = await runs.CountAsync(cancellationToken);
        var items = await runs
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new RunSummary(
                r.Id, r.PromptId, r.PromptName, r.PromptVersion, r.ModelId, r.ModelName, r.Status, r.ProblemTitle, r.ProblemDetail, r.FinishReason,
                r.InputTokens, r.OutputTokens, r.UsageEstimated, r.Cost, r.TimeToFirstTokenMs, r.LatencyMs,
                r.Output.Substring(0, RunRules.PreviewLength), r.ActorName, r.StartedAt))
            .ToListAsync(cancellationToken);
        return new RunPage(items, total, page, pageSize);
    }

    /// <summary>The run with its trace's spans in the order they started.</summary>
    public async Task<PromptRun> GetAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PromptRuns.AsNoTracking()
            .Include(r => r.Spans.OrderBy(s => s.StartOffsetMs).ThenBy(s => s.Id))
            .SingleOrDefaultAsync(r => r.Id == runId, cancellationToken)
            ?? throw new NotFoundException("Run", runId);
    }
}

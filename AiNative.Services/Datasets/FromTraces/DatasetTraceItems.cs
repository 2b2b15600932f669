using AiNative.Services.Data;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Teams;
using AiNative.Services.Traces;
using AiNative.Services.Traces.Recording;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Datasets.FromTraces;

/// <summary>
/// Turns traces of the team (playground runs, gateway requests, …) into items of a dataset, in one version: what
/// happened in use becomes what is tested. The output becomes the expected output when asked.
/// </summary>
public sealed class DatasetTraceItems(
    IDbContextFactory<PortalDbContext> dbFactory,
    TeamContext team,
    AuditTrail audit,
    TimeProvider clock,
    TraceWriter writer)
{
    public const string TraceIdsField = "TraceIds";

    /// <summary>Adds an item per trace, in the order given; refused as a whole when a trace cannot become one.</summary>
    public async Task<TraceItemsAdded> AddAsync(Guid datasetId, IReadOnlyCollection<Guid> traceIds, bool outputAsExpected, CancellationToken cancellationToken)
    {
        team.Require(TeamRole.Editor);
        var ids = traceIds.Distinct().ToList();
        new Validation()
            .Require(ids.Count > 0, TraceIdsField, "Choose at least one trace.")
            .Require(ids.Count <= DatasetRules.MaxTracesPerCall, TraceIdsField, $"Choose at most {DatasetRules.MaxTracesPerCall:N0} traces at once.")
            .ThrowIfInvalid();

        // A run that just ended may still be on its way to the database.
        await writer.CatchUpAsync(TimeSpan.FromSeconds(2), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var traces = await db.Traces.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
        if (ids.Where(id => !traces.ContainsKey(id)).Take(1).ToList() is [var missing])
        {
            throw new NotFoundException("Trace", missing);
        }

        var items = new List<(Guid TraceId, CheckedItem Item)>();
        var problems = new List<string>();
        foreach (var trace in ids.Select(id => traces[id]))
        {
            if (Refusal(trace, outputAsExpected) is { } refusal)
            {
                problems.Add($"'{trace.Name}' ({trace.Id}) {refusal}");
                continue;
            }

            var (item, itemProblems) = ItemRules.Check(TraceItemContent.From(trace, outputAsExpected));
            if (item is null)
            {
                problems.Add($"'{trace.Name}' ({trace.Id}): {string.Join(" ", itemProblems.Select(p => p.Message))}");
            }
            else
            {
                items.Add((trace.Id, item));
            }
        }

        if (problems.Count > 0)
        {
            throw new ValidationFailedException(new Dictionary<string, string[]> { [TraceIdsField] = [.. problems] });
        }

        await using var change = await DatasetChange.BeginAsync(db, datasetId, audit, team.Actor.Name, clock.GetUtcNow(), cancellationToken);
        var added = new List<DatasetItem>();
        foreach (var (traceId, item) in items)
        {
            added.Add(await change.AppendAsync(item, traceId, cancellationToken));
        }

        var version = await change.CommitAsync(
            $"Added {added.Count} item(s) from traces" + (outputAsExpected ? ", their outputs as expected outputs" : string.Empty), cancellationToken);
        return new TraceItemsAdded(version, added);
    }

    private static string? Refusal(Trace trace, bool outputAsExpected) => trace switch
    {
        { Status: TraceStatus.Running } => "is still running; add it once it has ended.",
        { Input: null } => "kept no input (the team's trace privacy setting), so there is nothing to test with.",
        { Status: not TraceStatus.Succeeded } when outputAsExpected => $"{trace.Status.ToString().ToLowerInvariant()}, so its output is not an answer to expect. Add it without its output.",
        _ => null,
    };
}

using AiNative.Services.Data;
using AiNative.Services.Prompts;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Gateway.Routes;

/// <summary>
/// Finds the version a <see cref="PromptReference"/> points at in the current team, now: a label is read on every call,
/// so moving it counts from the next request. Used when a route is saved (the reference must exist) and for every
/// request (it may have gone since).
/// </summary>
public sealed class PromptTargets(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The version (with its prompt), or why the reference points at none.</summary>
    public async Task<(PromptVersion? Version, string? Problem)> FindAsync(PromptReference reference, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var versions = db.PromptVersions.AsNoTracking().Include(v => v.Prompt).Where(v => v.Prompt.Name == reference.Name);
        var version = reference switch
        {
            { Version: { } number } => await versions.SingleOrDefaultAsync(v => v.Number == number, cancellationToken),
            { Label: LabelNames.Latest } => await versions.OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken),
            _ => await versions.SingleOrDefaultAsync(v => db.PromptLabels.Any(l => l.VersionId == v.Id && l.Name == reference.Label), cancellationToken),
        };
        if (version is not null)
        {
            return (version, UnusableBecause(version));
        }

        var known = await db.Prompts.AnyAsync(p => p.Name == reference.Name, cancellationToken);
        return (null, !known ? $"the team has no prompt named '{reference.Name}'"
            : reference.Version is { } missing ? $"prompt '{reference.Name}' has no version {missing}"
            : reference.Label == LabelNames.Latest ? $"prompt '{reference.Name}' has no versions yet"
            : $"prompt '{reference.Name}' has no label '{reference.Label}'");
    }

    /// <summary>Why the gateway cannot run this version, or null when it can (its model is checked when it runs).</summary>
    private static string? UnusableBecause(PromptVersion version) =>
        version.Retrieval is not null
            ? $"prompt '{version.Prompt.Name}' version {version.Number} searches a knowledge base, which the gateway does not do yet; save a version without retrieval"
            : version.ModelId is null
                ? $"prompt '{version.Prompt.Name}' version {version.Number} has no model to run on; save a version with one"
                : null;
}

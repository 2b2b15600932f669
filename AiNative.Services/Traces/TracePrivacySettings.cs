using System.Collections.Concurrent;
using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Traces;

/// <summary>Each team's <see cref="TracePrivacy"/>, read once and kept until the team changes it.</summary>
public sealed class TracePrivacySettings(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<Guid, TracePrivacy> _known = new();
    private int _changes;

    public async ValueTask<TracePrivacy> GetAsync(Guid teamId, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(teamId, out var privacy))
        {
            return privacy;
        }

        var changes = Volatile.Read(ref _changes);
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(cancellationToken);
        privacy = await db.Teams.Where(t => t.Id == teamId).Select(t => t.TracePrivacy).SingleOrDefaultAsync(cancellationToken);
        privacy = privacy == 0 ? TracePrivacy.Full : privacy;

        // A change while it was read makes the value read suspect: it is used once, not kept.
        if (Volatile.Read(ref _changes) == changes)
        {
            _known[teamId] = privacy;
        }

        return privacy;
    }

    /// <summary>Forgets a team's setting after it changed, so the next trace reads it again.</summary>
    public void Invalidate(Guid teamId)
    {
        Interlocked.Increment(ref _changes);
        _known.TryRemove(teamId, out _);
    }
}

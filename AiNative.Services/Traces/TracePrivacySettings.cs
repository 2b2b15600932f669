using System.Collections.Concurrent;
using AiNative.Services.Data;
using AiNative.Services.Platform.Replicas;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Traces;

/// <summary>Each team's <see cref="TracePrivacy"/>, read once and kept until the team changes it on any replica.</summary>
public sealed class TracePrivacySettings
{
    private const string Topic = "trace-privacy.changed";

    private readonly ConcurrentDictionary<Guid, TracePrivacy> _known = new();
    private readonly IServiceScopeFactory _scopes;
    private readonly ReplicaChannel _replicas;
    private int _changes;

    public TracePrivacySettings(IServiceScopeFactory scopes, ReplicaChannel replicas)
    {
        _scopes = scopes;
        _replicas = replicas;
        replicas.Subscribe(Topic, payload => Forget(Guid.Parse(payload)), ForgetAll);
    }

    public async ValueTask<TracePrivacy> GetAsync(Guid teamId, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(teamId, out var privacy))
        {
            return privacy;
        }

        var changes = Volatile.Read(ref _changes);
        await using var scope = _scopes.CreateAsyncScope();
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

    /// <summary>Forgets a team's setting on every replica after it changed, so the next trace reads it again.</summary>
    public void Invalidate(Guid teamId) => _replicas.Publish(Topic, teamId.ToString("N"));

    private void Forget(Guid teamId)
    {
        Interlocked.Increment(ref _changes);
        _known.TryRemove(teamId, out _);
    }

    private void ForgetAll()
    {
        Interlocked.Increment(ref _changes);
        _known.Clear();
    }
}

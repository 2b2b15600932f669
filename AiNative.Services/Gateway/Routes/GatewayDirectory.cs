using System.Collections.Concurrent;
using AiNative.Services.Models.Pipeline;
using AiNative.Services.Platform.Replicas;

namespace AiNative.Services.Gateway.Routes;

/// <summary>
/// What a name an application sends as <c>model</c> stands for in a team: a route, or the id of a chat model,
/// or nothing. Kept in memory, so the gateway does not ask the database on every request, and forgotten for
/// the team on every replica as soon as one of its routes or models changes (the replica channel), so a
/// change still counts from the next request.
/// </summary>
public sealed class GatewayDirectory
{
    /// <summary>The replica topic of route changes; its payload is the team id.</summary>
    public const string Topic = "gateway.routes.changed";

    private readonly ConcurrentDictionary<(Guid TeamId, string Name), GatewayName> _names = new();
    private readonly ReplicaChannel _replicas;
    private long _changes;

    public GatewayDirectory(ReplicaChannel replicas)
    {
        _replicas = replicas;
        replicas.Subscribe(Topic, payload => Forget(Guid.Parse(payload)), ForgetAll);
        replicas.Subscribe(ModelCatalog.Topic, payload => Forget(Guid.Parse(payload)), ForgetAll);
    }

    public async ValueTask<GatewayName> FindAsync(Guid teamId, string name, Func<CancellationToken, Task<GatewayName>> load, CancellationToken cancellationToken)
    {
        if (_names.TryGetValue((teamId, name), out var known))
        {
            return known;
        }

        var changes = Interlocked.Read(ref _changes);
        var loaded = await load(cancellationToken);

        // A change saved while the name was read may not be in what was read: use it once, keep it not.
        if (Interlocked.Read(ref _changes) == changes)
        {
            _names[(teamId, name)] = loaded;
        }

        return loaded;
    }

    /// <summary>Forgets the team's names on every replica after one of its routes changed.</summary>
    public void Invalidate(Guid teamId) => _replicas.Publish(Topic, teamId.ToString("N"));

    private void Forget(Guid teamId)
    {
        Interlocked.Increment(ref _changes);
        foreach (var key in _names.Keys.Where(k => k.TeamId == teamId))
        {
            _names.TryRemove(key, out _);
        }
    }

    private void ForgetAll()
    {
        Interlocked.Increment(ref _changes);
        _names.Clear();
    }
}

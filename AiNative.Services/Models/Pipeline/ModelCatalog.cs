using System.Collections.Concurrent;
using AiNative.Services.Platform.Replicas;

namespace AiNative.Services.Models.Pipeline;

/// <summary>
/// Registered models with their providers, read once and kept until the team's models or providers
/// change: the registries call <see cref="Invalidate"/> after every save, so the next call on any
/// replica sees a changed key, price or address. Kept per team, so one team never sees another's model.
/// </summary>
public sealed class ModelCatalog
{
    /// <summary>The replica topic of model and provider changes; its payload is the team id.</summary>
    public const string Topic = "models.changed";

    private readonly ConcurrentDictionary<(Guid TeamId, Guid ModelId), ModelDefinition> _models = new();
    private readonly ReplicaChannel _replicas;
    private long _changes;

    public ModelCatalog(ReplicaChannel replicas)
    {
        _replicas = replicas;
        replicas.Subscribe(Topic, payload => Forget(Guid.Parse(payload)), ForgetAll);
    }

    /// <summary>The model from the catalog, or from <paramref name="load"/> (null when the team has no such model).</summary>
    public async ValueTask<ModelDefinition?> GetAsync(
        Guid teamId, Guid modelId, Func<CancellationToken, Task<ModelDefinition?>> load, CancellationToken cancellationToken)
    {
        if (_models.TryGetValue((teamId, modelId), out var known))
        {
            return known;
        }

        var changes = Interlocked.Read(ref _changes);
        var loaded = await load(cancellationToken);

        // A change saved while the model was read may not be in what was read: use it once, keep it not.
        if (loaded is not null && Interlocked.Read(ref _changes) == changes)
        {
            _models[(teamId, modelId)] = loaded;
        }

        return loaded;
    }

    /// <summary>Forgets the team's models on every replica after one of its models or providers changed.</summary>
    public void Invalidate(Guid teamId) => _replicas.Publish(Topic, teamId.ToString("N"));

    private void Forget(Guid teamId)
    {
        Interlocked.Increment(ref _changes);
        foreach (var key in _models.Keys.Where(k => k.TeamId == teamId))
        {
            _models.TryRemove(key, out _);
        }
    }

    private void ForgetAll()
    {
        Interlocked.Increment(ref _changes);
        _models.Clear();
    }
}

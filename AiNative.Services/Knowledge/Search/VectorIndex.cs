using System.Collections.Concurrent;
using System.Text.Json;
using AiNative.Services.Platform.Replicas;

namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// The in-memory vector segments of this process, one per base and generation, loaded from the database
/// on first search. Writers say what they changed, and every replica hears it through the
/// <see cref="ReplicaChannel"/>: a changed document is read again before the next search of its base, a
/// retired generation or a deleted base is dropped. Where replicas share the database, a search also
/// compares the segment with the database at most every <see cref="RecheckInterval"/>, so a change whose
/// message was lost is seen about that long after (<see cref="CachedSegment"/>).
/// </summary>
public sealed class VectorIndex
{
    private const string Topic = "knowledge.vectors";

    private readonly ConcurrentDictionary<(Guid Base, int Generation), CachedSegment> _segments = new();
    private readonly ReplicaChannel _replicas;
    private readonly TimeProvider _clock;

    public VectorIndex(ReplicaChannel replicas, TimeProvider clock)
    {
        _replicas = replicas;
        _clock = clock;
        replicas.Subscribe(Topic, payload => Apply(JsonSerializer.Deserialize<VectorChange>(payload)!), RecheckAll);
    }

    /// <summary>How often a search compares a segment with the database when other replicas may change it.</summary>
    public static TimeSpan RecheckInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>The segment of the base's generation, loaded by <paramref name="reader"/> on first use and brought up to date.</summary>
    internal async Task<VectorSegment> GetAsync(Guid baseId, int generation, VectorSegmentReader reader, CancellationToken cancellationToken)
    {
        var key = (baseId, generation);
        var cached = _segments.GetOrAdd(key, _ => new CachedSegment(baseId, generation, () => reader.LoadAsync(baseId, generation, cancellationToken), _clock));
        VectorSegment segment;
        try
        {
            segment = await cached.Segment.Value;
        }
        catch
        {
            // A failed load is not cached; the next search tries again.
            _segments.TryRemove(KeyValuePair.Create(key, cached));
            throw;
        }

        await cached.CatchUpAsync(segment, reader, _replicas.ReachesOtherReplicas, cancellationToken);
        return segment;
    }

    /// <summary>A document's searchable chunks of the generation changed (saved, replaced, deleted): every replica reads them again.</summary>
    public void DocumentChanged(Guid baseId, int generation, Guid documentId) => Publish(new VectorChange(baseId, generation, documentId));

    /// <summary>A re-index swapped the generation out: every replica frees its segment.</summary>
    public void GenerationRetired(Guid baseId, int generation) => Publish(new VectorChange(baseId, generation, null));

    public void BaseDeleted(Guid baseId) => Publish(new VectorChange(baseId, null, null));

    private void Publish(VectorChange change) => _replicas.Publish(Topic, JsonSerializer.Serialize(change));

    private void Apply(VectorChange change)
    {
        if (change is { Generation: { } generation, DocumentId: { } documentId })
        {
            if (_segments.TryGetValue((change.KnowledgeBaseId, generation), out var cached))
            {
                cached.DocumentChanged(documentId);
            }
        }
        else if (change.Generation is { } retired)
        {
            _segments.TryRemove((change.KnowledgeBaseId, retired), out _);
        }
        else
        {
            foreach (var key in _segments.Keys.Where(k => k.Base == change.KnowledgeBaseId))
            {
                _segments.TryRemove(key, out _);
            }
        }
    }

    private void RecheckAll()
    {
        foreach (var cached in _segments.Values)
        {
            cached.RecheckNow();
        }
    }

    /// <summary>A document's chunks of a generation, a whole generation, or (with neither) the whole base.</summary>
    private sealed record VectorChange(Guid KnowledgeBaseId, int? Generation, Guid? DocumentId);
}

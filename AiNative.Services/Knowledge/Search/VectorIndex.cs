using System.Collections.Concurrent;

namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// The in-memory vector segments of this process, one per base and generation, loaded from the
/// database on first search and kept in step by the save and delete paths.
/// </summary>
public sealed class VectorIndex
{
    private readonly ConcurrentDictionary<(Guid Base, int Generation), Lazy<Task<VectorSegment>>> _segments = new();

    public async Task<VectorSegment> GetAsync(Guid baseId, int generation, Func<Task<VectorSegment>> load)
    {
        var key = (baseId, generation);
        var entry = _segments.GetOrAdd(key, _ => new Lazy<Task<VectorSegment>>(load));
        try
        {
            return await entry.Value;
        }
        catch
        {
            // A failed load is not cached; the next search tries again.
            _segments.TryRemove(new KeyValuePair<(Guid, int), Lazy<Task<VectorSegment>>>(key, entry));
            throw;
        }
    }

    /// <summary>Applies a change to a loaded segment; a segment still loading is dropped, so it loads again with the change.</summary>
    public void Update(Guid baseId, int generation, Action<VectorSegment> change)
    {
        var key = (baseId, generation);
        if (!_segments.TryGetValue(key, out var entry))
        {
            return;
        }

        if (entry.IsValueCreated && entry.Value.IsCompletedSuccessfully)
        {
            change(entry.Value.Result);
        }
        else
        {
            _segments.TryRemove(new KeyValuePair<(Guid, int), Lazy<Task<VectorSegment>>>(key, entry));
        }
    }

    public void Drop(Guid baseId, int generation) => _segments.TryRemove((baseId, generation), out _);

    public void DropBase(Guid baseId)
    {
        foreach (var key in _segments.Keys.Where(k => k.Base == baseId))
        {
            _segments.TryRemove(key, out _);
        }
    }
}

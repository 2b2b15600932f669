using System.Collections.Concurrent;
using AiNative.Services.Platform.Replicas;

namespace AiNative.Services.Platform.Caching;

/// <summary>
/// Short-lived copies of what nearly every request asks about its caller: the access token, the
/// account and its claims, its teams and its role in them. Without them a token-authenticated read
/// costs half a dozen queries before it does any work.
/// </summary>
/// <remarks>
/// A change empties the cache of every replica as soon as it is committed:
/// <see cref="AccessChangeInterceptor"/> sees every saved change to accounts, memberships, teams and
/// tokens, and code that changes them with a bulk update (<c>ExecuteUpdate</c>, which bypasses the
/// change tracker) calls <see cref="Invalidate"/>, which tells the other replicas through the
/// <see cref="ReplicaChannel"/>. An entry lives at most <see cref="Lifetime"/>, counted from before its
/// load: that bounds how long a change goes unseen when that message is lost (a token revoked on
/// another replica). Absent things (an unknown token, a team the caller is not in) are not
/// remembered, so creating them needs no invalidation and guessed keys cannot fill the cache.
/// </remarks>
public sealed class AccessCache
{
    /// <summary>How long another replica's change can go unseen when its message is lost.</summary>
    public static TimeSpan Lifetime { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Entries beyond which expired ones are dropped; a cache still this full after that is emptied.</summary>
    public const int Capacity = 10_000;

    private const string Topic = "access.changed";

    private readonly ConcurrentDictionary<object, Entry> _entries = new();
    private readonly TimeProvider _clock;
    private readonly ReplicaChannel _replicas;
    private long _generation;

    public AccessCache(TimeProvider clock, ReplicaChannel replicas)
    {
        _clock = clock;
        _replicas = replicas;
        replicas.Subscribe(Topic, _ => Forget(), Forget);
    }

    /// <summary>
    /// The value cached under <paramref name="key"/> when it is fresh, else what <paramref name="load"/>
    /// reads (remembered unless null). Keys are tuples that start with the kind of value, such as
    /// <c>("user", userId)</c>; the same key always holds the same type.
    /// </summary>
    public async ValueTask<T?> GetOrLoadAsync<T>(object key, Func<CancellationToken, Task<T?>> load, CancellationToken cancellationToken)
        where T : class
    {
        if (_entries.TryGetValue(key, out var cached) && IsFresh(cached))
        {
            return (T)cached.Value;
        }

        // Read before the load: an invalidation while it runs makes what it read stale at once.
        var generation = Volatile.Read(ref _generation);
        var loadedAt = _clock.GetTimestamp();
        var value = await load(cancellationToken);
        if (value is not null)
        {
            if (_entries.Count >= Capacity)
            {
                Trim();
            }

            _entries[key] = new Entry(value, generation, loadedAt);
        }

        return value;
    }

    /// <summary>Forgets everything on every replica: the next request of every caller reads the database again.</summary>
    public void Invalidate() => _replicas.Publish(Topic);

    private void Forget()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private bool IsFresh(Entry entry) =>
        entry.Generation == Volatile.Read(ref _generation) && _clock.GetElapsedTime(entry.LoadedAt) < Lifetime;

    private void Trim()
    {
        foreach (var (key, entry) in _entries)
        {
            if (!IsFresh(entry))
            {
                _entries.TryRemove(new KeyValuePair<object, Entry>(key, entry));
            }
        }

        if (_entries.Count >= Capacity)
        {
            _entries.Clear();
        }
    }

    private sealed record Entry(object Value, long Generation, long LoadedAt);
}

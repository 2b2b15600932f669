namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// A segment as <see cref="VectorIndex"/> keeps it: loaded once, then brought up to date before a search.
/// Documents that writers said they changed are read again; where other replicas write the same database,
/// the segment's digest is also compared with the database's at most every
/// <see cref="VectorIndex.RecheckInterval"/>, and the documents that differ are read again, so a change
/// whose message was lost is seen about that long after.
/// </summary>
internal sealed class CachedSegment
{
    private readonly Guid _baseId;
    private readonly int _generation;
    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();

    /// <summary>One catch-up at a time: what was read last is applied last.</summary>
    private readonly SemaphoreSlim _catchingUp = new(1, 1);

    private HashSet<Guid> _changed = [];
    private long _checkedAt;
    private bool _recheckNow;

    public CachedSegment(Guid baseId, int generation, Func<Task<VectorSegment>> load, TimeProvider clock)
    {
        _baseId = baseId;
        _generation = generation;
        _clock = clock;
        Segment = new Lazy<Task<VectorSegment>>(load);

        // The load reads the database now: the first comparison is due an interval later.
        _checkedAt = clock.GetTimestamp();
    }

    public Lazy<Task<VectorSegment>> Segment { get; }

    public void DocumentChanged(Guid documentId)
    {
        lock (_lock)
        {
            _changed.Add(documentId);
        }
    }

    /// <summary>Compares with the database before the next search, however recent the last comparison.</summary>
    public void RecheckNow()
    {
        lock (_lock)
        {
            _recheckNow = true;
        }
    }

    /// <summary>Applies the changes told since the last search and, when <paramref name="recheck"/>, those a due comparison finds.</summary>
    public async Task CatchUpAsync(VectorSegment segment, VectorSegmentReader reader, bool recheck, CancellationToken cancellationToken)
    {
        if (!HasWork(recheck))
        {
            return;
        }

        await _catchingUp.WaitAsync(cancellationToken);
        try
        {
            var changed = TakeChanged();
            try
            {
                await ReadAgainAsync(segment, reader, changed, cancellationToken);
            }
            catch
            {
                Restore(changed);
                throw;
            }

            if (recheck && TakeRecheck())
            {
                try
                {
                    await ReadAgainAsync(segment, reader, await DifferingDocumentsAsync(segment, reader, cancellationToken), cancellationToken);
                }
                catch
                {
                    RecheckNow();
                    throw;
                }
            }
        }
        finally
        {
            _catchingUp.Release();
        }
    }

    private async Task ReadAgainAsync(VectorSegment segment, VectorSegmentReader reader, HashSet<Guid> documents, CancellationToken cancellationToken)
    {
        if (documents.Count > 0)
        {
            segment.ReplaceDocuments(documents, await reader.RowsOfAsync(_baseId, _generation, documents, cancellationToken));
        }
    }

    /// <summary>The documents whose chunks in the database are not those the segment holds; one cheap query when none are.</summary>
    private async Task<HashSet<Guid>> DifferingDocumentsAsync(VectorSegment segment, VectorSegmentReader reader, CancellationToken cancellationToken)
    {
        if (await reader.DigestAsync(_baseId, _generation, cancellationToken) == segment.Digest())
        {
            return [];
        }

        var stored = await reader.DigestsByDocumentAsync(_baseId, _generation, cancellationToken);
        var held = segment.DigestsByDocument();
        return
        [
            .. stored.Where(s => !held.TryGetValue(s.Key, out var digest) || digest != s.Value).Select(s => s.Key),
            .. held.Keys.Where(d => !stored.ContainsKey(d)),
        ];
    }

    private bool HasWork(bool recheck)
    {
        lock (_lock)
        {
            return _changed.Count > 0 || (recheck && IsRecheckDue());
        }
    }

    private bool IsRecheckDue() => _recheckNow || _clock.GetElapsedTime(_checkedAt) >= VectorIndex.RecheckInterval;

    private bool TakeRecheck()
    {
        lock (_lock)
        {
            if (!IsRecheckDue())
            {
                return false;
            }

            _recheckNow = false;
            _checkedAt = _clock.GetTimestamp();
            return true;
        }
    }

    private HashSet<Guid> TakeChanged()
    {
        lock (_lock)
        {
            var changed = _changed;
            _changed = [];
            return changed;
        }
    }

    private void Restore(HashSet<Guid> changed)
    {
        lock (_lock)
        {
            _changed.UnionWith(changed);
        }
    }
}

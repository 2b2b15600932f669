namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// The vectors of one generation of one base, with the chunk and document of each row: float32 in one
/// contiguous array, and the same as 4-bit codes in another for the first pass of a search
/// (<see cref="QuantizedScan"/>), whose candidates the float32 vectors rescore. Searches read under a
/// shared lock; documents read again (<see cref="CachedSegment"/>) replace theirs under an exclusive one.
/// </summary>
public sealed class VectorSegment
{
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Dictionary<long, int> _slotOfChunk = [];
    private float[] _vectors;
    private readonly int _codeBytes;
    private byte[] _codes;
    private CodeRange[] _ranges;
    private long[] _chunkIds;
    private Guid[] _documentIds;

    public VectorSegment(int dimensions, int capacity = 0)
    {
        Dimensions = dimensions;
        _codeBytes = QuantizedScan.BytesPerRow(dimensions);
        _vectors = new float[Math.Max(capacity, 16) * dimensions];
        _codes = new byte[Math.Max(capacity, 16) * _codeBytes];
        _ranges = new CodeRange[Math.Max(capacity, 16)];
        _chunkIds = new long[Math.Max(capacity, 16)];
        _documentIds = new Guid[Math.Max(capacity, 16)];
    }

    public int Dimensions { get; }

    public int Count { get; private set; }

    /// <summary>
    /// Rows the 4-bit pass keeps per row asked for, which the float32 vectors then rescore: the 4-bit error moves a
    /// row by about a hundredth of similarity, so the exact top k is within the best few dozen k (recall in the tests
    /// and bench: 0.998 at 1M with 32, 0.976 at 100k with 4).
    /// </summary>
    public const int CandidatesPerResult = 32;

    /// <summary>Fewest rows the 4-bit pass keeps, for a small k.</summary>
    public const int MinCandidates = 256;

    /// <summary>Bytes held for the vectors and their ids.</summary>
    public long Bytes => ((long)_vectors.Length * sizeof(float)) + _codes.Length + ((long)_chunkIds.Length * (sizeof(long) + 16 + (2 * sizeof(float)))) + ((long)_slotOfChunk.Count * 24);

    /// <summary>Replaces the rows of <paramref name="documents"/> with <paramref name="rows"/>, which are theirs (none removes them).</summary>
    public void ReplaceDocuments(IReadOnlySet<Guid> documents, IReadOnlyCollection<VectorRow> rows)
    {
        _lock.EnterWriteLock();
        try
        {
            RemoveWhere(documents);
            AppendUnlocked(rows);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Append(IReadOnlyCollection<VectorRow> rows)
    {
        _lock.EnterWriteLock();
        try
        {
            AppendUnlocked(rows);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The digest of the rows held, to compare with the database's.</summary>
    public ChunkDigest Digest()
    {
        _lock.EnterReadLock();
        try
        {
            var digest = default(ChunkDigest);
            for (var slot = 0; slot < Count; slot++)
            {
                digest = digest.With(_chunkIds[slot]);
            }

            return digest;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public Dictionary<Guid, ChunkDigest> DigestsByDocument()
    {
        _lock.EnterReadLock();
        try
        {
            var digests = new Dictionary<Guid, ChunkDigest>();
            for (var slot = 0; slot < Count; slot++)
            {
                digests[_documentIds[slot]] = digests.GetValueOrDefault(_documentIds[slot]).With(_chunkIds[slot]);
            }

            return digests;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// The <paramref name="k"/> most similar rows, optionally only of <paramref name="documents"/>: the 4-bit pass's
    /// best candidates, rescored with the float32 vectors, so scores and order are exact.
    /// </summary>
    public List<(long ChunkId, Guid DocumentId, float Score)> Search(ReadOnlySpan<float> query, int k, IReadOnlySet<Guid>? documents)
    {
        CheckDimensions(query);
        _lock.EnterReadLock();
        try
        {
            var documentIds = _documentIds;
            Func<int, bool>? include = documents is null ? null : slot => documents.Contains(documentIds[slot]);
            var candidates = QuantizedScan.Candidates(_codes, _ranges, Count, query, Math.Max(k * CandidatesPerResult, MinCandidates), include);
            var exact = new List<ScoredSlot>(candidates.Count);
            foreach (var candidate in candidates)
            {
                exact.Add(candidate with { Score = System.Numerics.Tensors.TensorPrimitives.Dot(_vectors.AsSpan(candidate.Slot * Dimensions, Dimensions), query) });
            }

            return [.. exact.OrderByDescending(s => s.Score).ThenBy(s => s.Slot).Take(k).Select(s => (_chunkIds[s.Slot], _documentIds[s.Slot], s.Score))];
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The similarity of one chunk to the query, for hits the keyword index found.</summary>
    public float? ScoreOf(long chunkId, ReadOnlySpan<float> query)
    {
        CheckDimensions(query);
        _lock.EnterReadLock();
        try
        {
            return _slotOfChunk.TryGetValue(chunkId, out var slot)
                ? System.Numerics.Tensors.TensorPrimitives.Dot(_vectors.AsSpan(slot * Dimensions, Dimensions), query)
                : null;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private void CheckDimensions(ReadOnlySpan<float> query)
    {
        if (query.Length != Dimensions)
        {
            throw new Platform.Errors.ConflictException(
                $"The query vector has {query.Length} dimensions but the index has {Dimensions}. The embedding model changed its output; re-index the knowledge base.");
        }
    }

    private void AppendUnlocked(IReadOnlyCollection<VectorRow> rows)
    {
        EnsureCapacity(Count + rows.Count);
        foreach (var row in rows)
        {
            if (row.Vector.Length != Dimensions)
            {
                throw new InvalidOperationException($"Chunk {row.ChunkId} has {row.Vector.Length} dimensions; the segment holds {Dimensions}.");
            }

            row.Vector.CopyTo(_vectors.AsSpan(Count * Dimensions, Dimensions));
            _ranges[Count] = QuantizedScan.Quantize(row.Vector, _codes.AsSpan(Count * _codeBytes, _codeBytes));
            _chunkIds[Count] = row.ChunkId;
            _documentIds[Count] = row.DocumentId;
            _slotOfChunk[row.ChunkId] = Count;
            Count++;
        }
    }

    // Compacts in place: rows after a removed one move down, keeping the array dense for the scan.
    private void RemoveWhere(IReadOnlySet<Guid> documents)
    {
        var write = 0;
        for (var read = 0; read < Count; read++)
        {
            if (documents.Contains(_documentIds[read]))
            {
                _slotOfChunk.Remove(_chunkIds[read]);
                continue;
            }

            if (write != read)
            {
                _vectors.AsSpan(read * Dimensions, Dimensions).CopyTo(_vectors.AsSpan(write * Dimensions, Dimensions));
                _codes.AsSpan(read * _codeBytes, _codeBytes).CopyTo(_codes.AsSpan(write * _codeBytes, _codeBytes));
                _ranges[write] = _ranges[read];
                _chunkIds[write] = _chunkIds[read];
                _documentIds[write] = _documentIds[read];
                _slotOfChunk[_chunkIds[write]] = write;
            }

            write++;
        }

        Count = write;
    }

    private void EnsureCapacity(int rows)
    {
        if (rows <= _chunkIds.Length)
        {
            return;
        }

        var capacity = Math.Max(rows, _chunkIds.Length * 2);
        Array.Resize(ref _vectors, capacity * Dimensions);
        Array.Resize(ref _codes, capacity * _codeBytes);
        Array.Resize(ref _ranges, capacity);
        Array.Resize(ref _chunkIds, capacity);
        Array.Resize(ref _documentIds, capacity);
    }
}

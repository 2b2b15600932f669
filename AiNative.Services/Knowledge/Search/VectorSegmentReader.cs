using System.Runtime.CompilerServices;
using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// Reads the searchable vectors of a base's generation for the <see cref="VectorIndex"/>, in the team of
/// the search: all of them, those of some documents, or their digests to compare with a segment's.
/// </summary>
internal sealed class VectorSegmentReader(IDbContextFactory<PortalDbContext> dbFactory, int dimensions)
{
    private const int RowsPerAppend = 1024;

    /// <summary>Keeps the list of ids in one query well within what SQLite and PostgreSQL take as parameters.</summary>
    private const int DocumentsPerQuery = 500;

    public async Task<VectorSegment> LoadAsync(Guid baseId, int generation, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var chunks = Searchable(db, baseId, generation);
        var segment = new VectorSegment(dimensions, await chunks.CountAsync(cancellationToken));
        var batch = new List<VectorRow>();
        await foreach (var row in RowsAsync(chunks, cancellationToken))
        {
            batch.Add(row);
            if (batch.Count == RowsPerAppend)
            {
                segment.Append(batch);
                batch.Clear();
            }
        }

        segment.Append(batch);
        return segment;
    }

    public async Task<List<VectorRow>> RowsOfAsync(Guid baseId, int generation, IReadOnlyCollection<Guid> documents, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = new List<VectorRow>();
        foreach (var some in documents.Chunk(DocumentsPerQuery))
        {
            await foreach (var row in RowsAsync(Searchable(db, baseId, generation).Where(c => some.Contains(c.DocumentId)), cancellationToken))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    public async Task<ChunkDigest> DigestAsync(Guid baseId, int generation, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Searchable(db, baseId, generation)
            .GroupBy(c => 1)
            .Select(g => new ChunkDigest(g.LongCount(), g.Max(c => c.Id), g.Sum(c => c.Id)))
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<Dictionary<Guid, ChunkDigest>> DigestsByDocumentAsync(Guid baseId, int generation, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Searchable(db, baseId, generation)
            .GroupBy(c => c.DocumentId)
            .Select(g => new { DocumentId = g.Key, Count = g.LongCount(), MaxId = g.Max(c => c.Id), IdSum = g.Sum(c => c.Id) })
            .ToDictionaryAsync(d => d.DocumentId, d => new ChunkDigest(d.Count, d.MaxId, d.IdSum), cancellationToken);
    }

    private static IQueryable<KnowledgeChunk> Searchable(PortalDbContext db, Guid baseId, int generation) =>
        db.KnowledgeChunks.AsNoTracking().Where(c => c.KnowledgeBaseId == baseId && c.Generation == generation && c.Searchable && c.Vector != null);

    private static async IAsyncEnumerable<VectorRow> RowsAsync(
        IQueryable<KnowledgeChunk> chunks,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in chunks.Select(c => new { c.Id, c.DocumentId, c.Vector }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new VectorRow(row.Id, row.DocumentId, VectorMath.FromBytes(row.Vector!).ToArray());
        }
    }
}

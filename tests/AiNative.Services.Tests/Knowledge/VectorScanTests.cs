using AiNative.Services.Knowledge.Search;

namespace AiNative.Services.Tests.Knowledge;

public sealed class VectorScanTests
{
    private const int Dimensions = 384;

    private static float[] RandomUnitVectors(int count, int seed)
    {
        var random = new Random(seed);
        var vectors = new float[count * Dimensions];
        for (var row = 0; row < count; row++)
        {
            var span = vectors.AsSpan(row * Dimensions, Dimensions);
            for (var i = 0; i < Dimensions; i++)
            {
                span[i] = (float)((random.NextDouble() * 2) - 1);
            }

            VectorMath.Normalized(span).CopyTo(span);
        }

        return vectors;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 5)]
    [InlineData(5000, 20)]
    public void The_simd_scan_finds_the_same_top_k_as_a_plain_loop(int count, int k)
    {
        var vectors = RandomUnitVectors(count, seed: count);
        var query = RandomUnitVectors(1, seed: 7);

        var simd = VectorScan.TopK(vectors, Dimensions, query, k);
        var plain = VectorScan.TopKReference(vectors, Dimensions, query, k);

        Assert.Equal(plain.Select(p => p.Slot), simd.Select(s => s.Slot));
        Assert.All(simd.Zip(plain), pair => Assert.Equal(pair.Second.Score, pair.First.Score, 1e-4f));
    }

    [Fact]
    public void A_segment_replaces_and_removes_a_documents_rows_and_still_scans_exactly()
    {
        var vectors = RandomUnitVectors(30, seed: 3);
        var documents = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        var segment = new VectorSegment(Dimensions);
        segment.Append([.. Enumerable.Range(0, 30).Select(i => new VectorRow(i, documents[i % 3], vectors.AsSpan(i * Dimensions, Dimensions).ToArray()))]);

        segment.ReplaceDocuments(new HashSet<Guid> { documents[1] }, []);
        var query = vectors.AsSpan(0, Dimensions).ToArray();
        var all = segment.Search(query, 30, null);
        var filtered = segment.Search(query, 30, new HashSet<Guid> { documents[2] });

        Assert.Equal(20, segment.Count);
        Assert.Equal(0L, all[0].ChunkId);
        Assert.Equal(1.0f, all[0].Score, 1e-5f);
        Assert.DoesNotContain(all, h => h.DocumentId == documents[1]);
        Assert.All(filtered, h => Assert.Equal(documents[2], h.DocumentId));
        Assert.Equal(10, filtered.Count);
        Assert.Equal(1.0f, segment.ScoreOf(0, query)!.Value, 1e-5f);
        Assert.Null(segment.ScoreOf(1, query));
    }
}

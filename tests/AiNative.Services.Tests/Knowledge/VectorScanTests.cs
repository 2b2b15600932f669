using AiNative.Services.Knowledge.Search;
using AiNative.Services.Models.Offline;

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

    [Theory]
    [InlineData(40)]
    [InlineData(100)]
    [InlineData(384)]
    [InlineData(1536)]
    public void The_first_pass_scores_rows_within_a_few_hundredths_of_their_exact_similarity(int dimensions)
    {
        // Dimensions that fill no whole block of 64, one, and many: the packing and the padding of the last block.
        const int Rows = 2_000;
        var random = new Random(dimensions);
        var vectors = new float[Rows * dimensions];
        for (var i = 0; i < vectors.Length; i++)
        {
            vectors[i] = (float)((random.NextDouble() * 2) - 1 + (i % dimensions % 2 == 0 ? 0.3 : 0));
        }

        var codes = new byte[Rows * QuantizedScan.BytesPerRow(dimensions)];
        var ranges = new CodeRange[Rows];
        for (var row = 0; row < Rows; row++)
        {
            var vector = vectors.AsSpan(row * dimensions, dimensions);
            VectorMath.Normalized(vector).CopyTo(vector);
            ranges[row] = QuantizedScan.Quantize(vector, codes.AsSpan(row * QuantizedScan.BytesPerRow(dimensions), QuantizedScan.BytesPerRow(dimensions)));
        }

        var query = VectorMath.Normalized(vectors.AsSpan(0, dimensions).ToArray().Select((v, i) => v + (i % 3 == 0 ? 0.2f : 0)).ToArray());

        var candidates = QuantizedScan.Candidates(codes, ranges, Rows, query, Rows);

        Assert.Equal(Rows, candidates.Count);
        Assert.Equal(0, candidates[0].Slot);
        var errors = candidates.Select(c => Math.Abs(c.Score - System.Numerics.Tensors.TensorPrimitives.Dot(vectors.AsSpan(c.Slot * dimensions, dimensions), query))).ToList();
        Assert.True(errors.Max() < 0.1, $"largest error {errors.Max():0.000}");
        Assert.True(errors.Average() < 0.02, $"mean error {errors.Average():0.0000}");
    }

    [Fact]
    public void The_search_finds_the_exact_top_10_for_at_least_99_in_100_rows_and_scores_them_exactly()
    {
        // Chunks of 40 words drawn by Zipf's law, embedded by the offline model: the near-ties of real text, and
        // enough rows that the 4-bit pass splits them between cores.
        var words = Enumerable.Range(0, 5_000).Select(i => $"w{i}x{(i * 7919) % 1000}").ToArray();
        var weights = words.Select((_, rank) => 1 / Math.Pow(rank + 1, 1.07)).ToArray();
        var cumulative = new double[weights.Length];
        var total = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            total += weights[i];
            cumulative[i] = total;
        }

        string Word(Random random)
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * total);
            return words[Math.Min(index < 0 ? ~index : index, words.Length - 1)];
        }

        string Text(Random random, int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Word(random)));

        const int Chunks = 40_000;
        var embedder = new OfflineEmbeddingGenerator(OfflineModels.EmbeddingModelId);
        var rows = new VectorRow[Chunks];
        Parallel.For(0, Chunks, i => rows[i] = new VectorRow(i, Guid.Empty, embedder.Embed(Text(new Random(i), 40))));
        var segment = new VectorSegment(Dimensions, Chunks);
        segment.Append(rows);
        var vectors = rows.SelectMany(r => r.Vector).ToArray();

        var random = new Random(5);
        var found = 0;
        for (var q = 0; q < 100; q++)
        {
            var query = embedder.Embed(string.Join(' ', Enumerable.Range(0, 3).Select(_ => words[random.Next(20, 2_000)])));
            var exact = VectorScan.TopK(vectors, Dimensions, query, 10);
            var hits = segment.Search(query, 10, null);

            found += hits.Count(h => exact.Any(e => e.Slot == h.ChunkId));
            Assert.All(hits, h => Assert.Equal(segment.ScoreOf(h.ChunkId, query)!.Value, h.Score));
            Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.ChunkId), hits.Select(h => h.ChunkId));
        }

        Assert.True(found / 1000.0 >= 0.99, $"recall@10 of the search against the exact scan was {found / 1000.0:0.000}");
    }
}

using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// The first pass of a vector search: every row as int8 (one byte a dimension and a float scale, a
/// quarter of the float32 bytes, and the scan is bound by memory bandwidth), dotted with the query as
/// 7-bit codes, on every core. It returns more candidates than asked for; <see cref="VectorSegment"/>
/// rescores them with the exact float32 vectors, so the order shown is exact and only a row whose
/// int8 score falls below the candidates' while its exact score would have made the top k is lost.
/// </summary>
public static class QuantizedScan
{
    /// <summary>The largest query code: 255 × 64 × 2 fits an int16 (<see cref="Dot"/>).</summary>
    private const int QueryLimit = 63;

    /// <summary>Below this many rows one core scans: splitting costs more than it saves.</summary>
    private const int RowsPerCore = 16_384;

    /// <summary>Writes the int8 codes of <paramref name="vector"/> to <paramref name="codes"/> and returns the scale that turns them back.</summary>
    public static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> codes)
    {
        var largest = TensorPrimitives.MaxMagnitude(vector);
        if (largest == 0 || !float.IsFinite(largest))
        {
            codes.Clear();
            return 0;
        }

        var scale = largest / sbyte.MaxValue;
        for (var i = 0; i < vector.Length; i++)
        {
            codes[i] = (sbyte)MathF.Round(vector[i] / scale);
        }

        return scale;
    }

    /// <summary>
    /// The <paramref name="count"/> rows of highest approximate dot product with <paramref name="query"/>, best first,
    /// among those <paramref name="include"/> admits.
    /// </summary>
    public static List<ScoredSlot> Candidates(
        sbyte[] codes, float[] scales, int rows, int dimensions, ReadOnlySpan<float> query, int count, Func<int, bool>? include = null)
    {
        var (queryCodes, queryScale, querySum) = QuantizeQuery(query);
        var parts = Math.Clamp(rows / RowsPerCore, 1, Environment.ProcessorCount);
        var best = new PriorityQueue<int, float>[parts];
        Parallel.For(0, parts, part =>
        {
            var start = (int)((long)rows * part / parts);
            var end = (int)((long)rows * (part + 1) / parts);
            best[part] = ScanRange(codes, scales, dimensions, queryCodes, queryScale, querySum, start, end, count, include);
        });

        var merged = best[0];
        foreach (var other in best.AsSpan(1))
        {
            while (other.TryDequeue(out var slot, out var score))
            {
                VectorScan.Offer(merged, slot, score, count);
            }
        }

        return VectorScan.Drain(merged);
    }

    /// <summary>
    /// The query as 7-bit codes (±63), so that an unsigned row byte (0 to 255) times a query code, summed in pairs,
    /// fits an int16 without saturating (<see cref="Dot"/>), and the sum of the codes the vector instructions read
    /// (whole blocks of 32), for the offset the row bytes carry there.
    /// </summary>
    private static (sbyte[] Codes, float Scale, int Sum) QuantizeQuery(ReadOnlySpan<float> query)
    {
        var codes = new sbyte[query.Length];
        var largest = TensorPrimitives.MaxMagnitude(query);
        if (largest == 0 || !float.IsFinite(largest))
        {
            return (codes, 0, 0);
        }

        var scale = largest / QueryLimit;
        var sum = 0;
        for (var i = 0; i < query.Length; i++)
        {
            codes[i] = (sbyte)MathF.Round(query[i] / scale);
            sum += i < query.Length - (query.Length % 32) ? codes[i] : 0;
        }

        return (codes, scale, sum);
    }

    private static PriorityQueue<int, float> ScanRange(
        sbyte[] codes, float[] scales, int dimensions, sbyte[] query, float queryScale, int querySum, int start, int end, int count, Func<int, bool>? include)
    {
        var best = new PriorityQueue<int, float>(count + 1);
        // The worst score kept, compared here so that the queue is touched only by a row that enters it.
        var worst = float.NegativeInfinity;
        for (var slot = start; slot < end; slot++)
        {
            if (include is not null && !include(slot))
            {
                continue;
            }

            var score = Dot(codes.AsSpan(slot * dimensions, dimensions), query, querySum) * scales[slot] * queryScale;
            if (best.Count < count || score > worst)
            {
                VectorScan.Offer(best, slot, score, count);
                if (best.Count == count)
                {
                    best.TryPeek(out _, out worst);
                }
            }
        }

        return best;
    }

    /// <summary>
    /// Sum of row × query in int32. AVX2 reads 32 row bytes at a time as unsigned (the sign bit flipped adds 128 to
    /// each) and multiplies them by the signed query codes, adding pairs to int16 (vpmaddubsw), then pairs to int32
    /// (vpmaddwd by ones): half the instructions of widening the row to int16 first. The 128 added to each row byte
    /// is taken back as 128 × the query's sum.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Dot(ReadOnlySpan<sbyte> row, ReadOnlySpan<sbyte> query, int querySum)
    {
        var i = 0;
        var sum = 0;
        if (Avx2.IsSupported && row.Length >= 32)
        {
            ref var r = ref Unsafe.As<sbyte, byte>(ref MemoryMarshal.GetReference(row));
            ref var q = ref MemoryMarshal.GetReference(query);
            var signBits = Vector256.Create((byte)0x80);
            var ones = Vector256.Create((short)1);
            var first = Vector256<int>.Zero;
            var second = Vector256<int>.Zero;
            for (; i <= row.Length - 64; i += 64)
            {
                var low = Avx2.MultiplyAddAdjacent(Vector256.LoadUnsafe(ref r, (nuint)i) ^ signBits, Vector256.LoadUnsafe(ref q, (nuint)i));
                var high = Avx2.MultiplyAddAdjacent(Vector256.LoadUnsafe(ref r, (nuint)(i + 32)) ^ signBits, Vector256.LoadUnsafe(ref q, (nuint)(i + 32)));
                first = Avx2.Add(first, Avx2.MultiplyAddAdjacent(low, ones));
                second = Avx2.Add(second, Avx2.MultiplyAddAdjacent(high, ones));
            }

            for (; i <= row.Length - 32; i += 32)
            {
                first = Avx2.Add(first, Avx2.MultiplyAddAdjacent(Avx2.MultiplyAddAdjacent(Vector256.LoadUnsafe(ref r, (nuint)i) ^ signBits, Vector256.LoadUnsafe(ref q, (nuint)i)), ones));
            }

            sum = Vector256.Sum(Avx2.Add(first, second)) - (128 * querySum);
        }

        for (; i < row.Length; i++)
        {
            sum += row[i] * query[i];
        }

        return sum;
    }
}

using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// The first pass of a vector search: every row as int8 (one byte a dimension and a float scale, a
/// quarter of the float32 bytes, and the scan is bound by memory bandwidth), dotted with the query as
/// int16, on every core. It returns more candidates than asked for; <see cref="VectorSegment"/>
/// rescores them with the exact float32 vectors, so the order shown is exact and only a row whose
/// int8 score falls below the candidates' while its exact score would have made the top k is lost.
/// </summary>
public static class QuantizedScan
{
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
        var (queryCodes, queryScale) = QuantizeQuery(query);
        var parts = Math.Clamp(rows / RowsPerCore, 1, Environment.ProcessorCount);
        var best = new PriorityQueue<int, float>[parts];
        Parallel.For(0, parts, part =>
        {
            var start = (int)((long)rows * part / parts);
            var end = (int)((long)rows * (part + 1) / parts);
            best[part] = ScanRange(codes, scales, dimensions, queryCodes, queryScale, start, end, count, include);
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

    /// <summary>The query as int16: 256 times finer than the rows, at no extra cost, as the rows are widened to int16 anyway.</summary>
    private static (short[] Codes, float Scale) QuantizeQuery(ReadOnlySpan<float> query)
    {
        // The largest sum of products must fit an int: 127 × limit × dimensions < 2^31.
        var limit = (int)Math.Min(short.MaxValue, int.MaxValue / (sbyte.MaxValue * (long)Math.Max(query.Length, 1)));
        var codes = new short[query.Length];
        var largest = TensorPrimitives.MaxMagnitude(query);
        if (largest == 0 || !float.IsFinite(largest))
        {
            return (codes, 0);
        }

        var scale = largest / limit;
        for (var i = 0; i < query.Length; i++)
        {
            codes[i] = (short)MathF.Round(query[i] / scale);
        }

        return (codes, scale);
    }

    private static PriorityQueue<int, float> ScanRange(
        sbyte[] codes, float[] scales, int dimensions, short[] query, float queryScale, int start, int end, int count, Func<int, bool>? include)
    {
        var best = new PriorityQueue<int, float>(count + 1);
        for (var slot = start; slot < end; slot++)
        {
            if (include is not null && !include(slot))
            {
                continue;
            }

            var score = Dot(codes.AsSpan(slot * dimensions, dimensions), query) * scales[slot] * queryScale;
            VectorScan.Offer(best, slot, score, count);
        }

        return best;
    }

    /// <summary>Sum of row × query in int32: AVX2 widens 16 bytes to int16 and multiplies and adds pairs (vpmaddwd).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Dot(ReadOnlySpan<sbyte> row, ReadOnlySpan<short> query)
    {
        var i = 0;
        var sum = 0;
        if (Avx2.IsSupported && row.Length >= 32)
        {
            ref var r = ref MemoryMarshal.GetReference(row);
            ref var q = ref MemoryMarshal.GetReference(query);
            var first = Vector256<int>.Zero;
            var second = Vector256<int>.Zero;
            for (; i <= row.Length - 32; i += 32)
            {
                var low = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r, (nuint)i));
                var high = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r, (nuint)(i + 16)));
                first = Avx2.Add(first, Avx2.MultiplyAddAdjacent(low, Vector256.LoadUnsafe(ref q, (nuint)i)));
                second = Avx2.Add(second, Avx2.MultiplyAddAdjacent(high, Vector256.LoadUnsafe(ref q, (nuint)(i + 16))));
            }

            sum = Vector256.Sum(Avx2.Add(first, second));
        }

        for (; i < row.Length; i++)
        {
            sum += row[i] * query[i];
        }

        return sum;
    }
}

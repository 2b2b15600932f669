using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// The first pass of a vector search: every row as 4-bit codes (two dimensions a byte and the row's
/// <see cref="CodeRange"/>, an eighth of the float32 bytes, and the scan is bound by memory bandwidth), dotted
/// with the query as int8, on every core. It returns more candidates than asked for; <see cref="VectorSegment"/>
/// rescores them with the exact float32 vectors, so the order shown is exact and only a row whose approximate
/// score falls below the candidates' while its exact score would have made the top k is lost.
/// </summary>
public static class QuantizedScan
{
    /// <summary>Below this many rows one core scans: splitting costs more than it saves.</summary>
    private const int RowsPerCore = 16_384;

    /// <summary>
    /// A block of 32 bytes holds 64 dimensions: byte j the j-th in its low nibble and the (32 + j)-th in its high
    /// one, so one AVX2 register unpacks into two runs of the query; a row's last block is padded with zero codes.
    /// </summary>
    private const int BlockBytes = 32;

    private const int BlockDimensions = 2 * BlockBytes;

    private const int Levels = 15;

    public static int BytesPerRow(int dimensions) => (dimensions + BlockDimensions - 1) / BlockDimensions * BlockBytes;

    /// <summary>Writes the 4-bit codes of <paramref name="vector"/> to <paramref name="codes"/> (<see cref="BytesPerRow"/> long) and returns what turns them back.</summary>
    public static CodeRange Quantize(ReadOnlySpan<float> vector, Span<byte> codes)
    {
        codes.Clear();
        var low = TensorPrimitives.Min(vector);
        var high = TensorPrimitives.Max(vector);
        if (!float.IsFinite(low) || !float.IsFinite(high) || high == low)
        {
            return new CodeRange(float.IsFinite(low) ? low : 0, 0);
        }

        var step = (high - low) / Levels;
        for (var i = 0; i < vector.Length; i++)
        {
            var code = (byte)Math.Clamp((int)MathF.Round((vector[i] - low) / step), 0, Levels);
            var within = i % BlockDimensions;
            codes[(i / BlockDimensions * BlockBytes) + (within % BlockBytes)] |= within < BlockBytes ? code : (byte)(code << 4);
        }

        return new CodeRange(low, step);
    }

    /// <summary>
    /// The <paramref name="count"/> rows of highest approximate dot product with <paramref name="query"/>, best first,
    /// among those <paramref name="include"/> admits.
    /// </summary>
    public static List<ScoredSlot> Candidates(
        byte[] codes, CodeRange[] ranges, int rows, ReadOnlySpan<float> query, int count, Func<int, bool>? include = null)
    {
        var encoded = EncodedQuery.Of(query);
        var parts = Math.Clamp(rows / RowsPerCore, 1, Environment.ProcessorCount);
        var best = new PriorityQueue<int, float>[parts];
        Parallel.For(0, parts, part =>
        {
            var start = (int)((long)rows * part / parts);
            var end = (int)((long)rows * (part + 1) / parts);
            best[part] = ScanRange(codes, ranges, encoded, start, end, count, include);
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

    private static PriorityQueue<int, float> ScanRange(
        byte[] codes, CodeRange[] ranges, EncodedQuery query, int start, int end, int count, Func<int, bool>? include)
    {
        var best = new PriorityQueue<int, float>(count + 1);
        var bytes = query.Codes.Length / 2;
        // The worst score kept, once the queue is full: most rows fall below it and skip the queue.
        var worst = float.NegativeInfinity;
        for (var slot = start; slot < end; slot++)
        {
            if (include is not null && !include(slot))
            {
                continue;
            }

            var range = ranges[slot];
            var score = ((Dot(codes.AsSpan(slot * bytes, bytes), query.Codes) * range.Step) + (query.Sum * range.Low)) * query.Scale;
            if (score > worst)
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
    /// Sum of code × query in int32. AVX2 splits 32 bytes into their low and high nibbles and multiplies each with 32
    /// query bytes, adding pairs (<c>vpmaddubsw</c>: at most 2 × 15 × 127, no saturation), then widens the pairs to int32.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Dot(ReadOnlySpan<byte> row, ReadOnlySpan<sbyte> query)
    {
        if (Avx2.IsSupported)
        {
            ref var r = ref MemoryMarshal.GetReference(row);
            ref var q = ref MemoryMarshal.GetReference(query);
            var nibble = Vector256.Create((byte)0x0F);
            var ones = Vector256.Create((short)1);
            var sum = Vector256<int>.Zero;
            for (var i = 0; i < row.Length; i += BlockBytes)
            {
                var packed = Vector256.LoadUnsafe(ref r, (nuint)i);
                var low = Avx2.And(packed, nibble);
                var high = Avx2.And(Avx2.ShiftRightLogical(packed.AsUInt16(), 4).AsByte(), nibble);
                var pairs = Avx2.Add(
                    Avx2.MultiplyAddAdjacent(low, Vector256.LoadUnsafe(ref q, (nuint)(2 * i))),
                    Avx2.MultiplyAddAdjacent(high, Vector256.LoadUnsafe(ref q, (nuint)((2 * i) + BlockBytes))));
                sum = Avx2.Add(sum, Avx2.MultiplyAddAdjacent(pairs, ones));
            }

            return Vector256.Sum(sum);
        }

        var total = 0;
        for (var i = 0; i < row.Length; i++)
        {
            var block = i / BlockBytes * BlockDimensions;
            var within = i % BlockBytes;
            total += ((row[i] & 0x0F) * query[block + within]) + ((row[i] >> 4) * query[block + BlockBytes + within]);
        }

        return total;
    }

    /// <summary>
    /// The query as int8 (its rounding error is small beside the rows' 4-bit one), padded to whole blocks with zeros,
    /// and the sum of its codes, which the rows' <see cref="CodeRange.Low"/> multiplies.
    /// </summary>
    private sealed record EncodedQuery(sbyte[] Codes, float Scale, int Sum)
    {
        public static EncodedQuery Of(ReadOnlySpan<float> query)
        {
            var codes = new sbyte[2 * BytesPerRow(query.Length)];
            var largest = TensorPrimitives.MaxMagnitude(query);
            if (largest == 0 || !float.IsFinite(largest))
            {
                return new EncodedQuery(codes, 0, 0);
            }

            var scale = largest / sbyte.MaxValue;
            var sum = 0;
            for (var i = 0; i < query.Length; i++)
            {
                codes[i] = (sbyte)MathF.Round(query[i] / scale);
                sum += codes[i];
            }

            return new EncodedQuery(codes, scale, sum);
        }
    }
}

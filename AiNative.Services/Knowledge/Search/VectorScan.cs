using System.Numerics.Tensors;

namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// Exact top-k by dot product over vectors laid out one after another in one array. The scan
/// reads every vector once with SIMD (<see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>),
/// so it is bounded by memory bandwidth; a small heap keeps the best k.
/// </summary>
public static class VectorScan
{
    public static List<ScoredSlot> TopK(ReadOnlySpan<float> vectors, int dimensions, ReadOnlySpan<float> query, int k, Func<int, bool>? include = null)
    {
        var count = vectors.Length / dimensions;
        var best = new PriorityQueue<int, float>(k + 1);
        for (var slot = 0; slot < count; slot++)
        {
            if (include is not null && !include(slot))
            {
                continue;
            }

            var score = TensorPrimitives.Dot(vectors.Slice(slot * dimensions, dimensions), query);
            Offer(best, slot, score, k);
        }

        return Drain(best);
    }

    /// <summary>The same result with a plain loop: the reference the SIMD scan is tested against.</summary>
    public static List<ScoredSlot> TopKReference(ReadOnlySpan<float> vectors, int dimensions, ReadOnlySpan<float> query, int k)
    {
        var count = vectors.Length / dimensions;
        var scores = new List<ScoredSlot>(count);
        for (var slot = 0; slot < count; slot++)
        {
            var sum = 0f;
            for (var i = 0; i < dimensions; i++)
            {
                sum += vectors[(slot * dimensions) + i] * query[i];
            }

            scores.Add(new ScoredSlot(slot, sum));
        }

        return [.. scores.OrderByDescending(s => s.Score).ThenBy(s => s.Slot).Take(k)];
    }

    internal static void Offer(PriorityQueue<int, float> best, int slot, float score, int k)
    {
        if (best.Count < k)
        {
            best.Enqueue(slot, score);
        }
        else if (best.TryPeek(out _, out var worst) && score > worst)
        {
            best.DequeueEnqueue(slot, score);
        }
    }

    internal static List<ScoredSlot> Drain(PriorityQueue<int, float> best)
    {
        var result = new List<ScoredSlot>(best.Count);
        while (best.TryDequeue(out var slot, out var score))
        {
            result.Add(new ScoredSlot(slot, score));
        }

        result.Reverse();
        return result;
    }
}

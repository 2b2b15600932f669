namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// Fuses ranked lists by summing 1 / (k + rank) for each list an item appears in (Cormack et al.,
/// 2009). It needs no score calibration between BM25 and cosine similarity, only ranks.
/// </summary>
public static class ReciprocalRankFusion
{
    public const int DefaultK = 60;

    public static Dictionary<long, double> Fuse(IEnumerable<IReadOnlyList<long>> rankings, int k = DefaultK)
    {
        var fused = new Dictionary<long, double>();
        foreach (var ranking in rankings)
        {
            for (var rank = 0; rank < ranking.Count; rank++)
            {
                fused[ranking[rank]] = fused.GetValueOrDefault(ranking[rank]) + (1.0 / (k + rank + 1));
            }
        }

        return fused;
    }
}

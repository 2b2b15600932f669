namespace AiNative.Portal.Components.Pages.Knowledge;

/// <summary>
/// Puts a hit's three scores on bars from 0 to 1, so hits compare at a glance: cosine similarity
/// as it is, BM25 squashed as search squashes it into relevance (s / (s + 1)), and the reciprocal
/// rank fusion score as a share of the best possible one (first in both the vector and keyword lists).
/// </summary>
public static class ScoreScale
{
    /// <summary>The fusion constant k of reciprocal rank fusion, as search uses it.</summary>
    public const int FusionK = 60;

    private const int FusedLists = 2;

    public static double Vector(double cosine) => Math.Clamp(cosine, 0, 1);

    public static double Keyword(double bm25) => bm25 <= 0 ? 0 : bm25 / (bm25 + 1);

    public static double Fused(double rrf) => Math.Clamp(rrf / (FusedLists / (FusionK + 1.0)), 0, 1);
}

namespace AiNative.Services.Knowledge.Search;

/// <summary>A chunk the keyword index matched, with its BM25 score (higher is better).</summary>
public sealed class KeywordMatch
{
    public long Id { get; init; }

    public double Score { get; init; }
}

namespace AiNative.Services.Knowledge.Search;

/// <summary>A chunk the keyword index matched, with its score (higher is better): BM25 on SQLite, ts_rank_cd on PostgreSQL.</summary>
public sealed class KeywordMatch
{
    public long Id { get; init; }

    public double Score { get; init; }
}

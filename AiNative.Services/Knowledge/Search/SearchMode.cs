namespace AiNative.Services.Knowledge.Search;

public enum SearchMode
{
    /// <summary>Vector and keyword results fused by reciprocal rank fusion.</summary>
    Hybrid = 1,

    /// <summary>Cosine similarity of embeddings: finds meaning without shared words.</summary>
    Vector = 2,

    /// <summary>The database's keyword index (<see cref="KeywordSearch"/>): finds exact words, names and codes.</summary>
    Keyword = 3,
}

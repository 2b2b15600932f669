using System.Text;
using AiNative.Services.Models.Offline;

namespace AiNative.Services.Knowledge.Search;

/// <summary>
/// The words of a user's query (letters and digits, lower-cased), and the FTS5 query made of them.
/// Every term is quoted there, and on PostgreSQL each is its own plainto_tsquery parameter
/// (<see cref="PostgresKeywordQuery"/>), so no user text is read as query syntax (operators, column
/// filters, unbalanced quotes) and none can fail.
/// </summary>
public sealed record QueryTerms(IReadOnlyList<string> Terms)
{
    private const int MaxTerms = 32;

    public bool IsEmpty => Terms.Count == 0;

    /// <summary>SQLite's FTS5 query over text and headings: any term may match; BM25 ranks chunks with more and rarer terms first.</summary>
    public string ToFtsQuery() => SqliteKeywordQuery.InText(SqliteKeywordQuery.AnyOf(Terms));

    public static QueryTerms From(string query)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in query + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        var topical = words.Where(w => !StopWords.Contains(w)).ToList();

        // A query of only common words ("what is it") still searches for them.
        var terms = (topical.Count > 0 ? topical : words).Distinct(StringComparer.Ordinal).Take(MaxTerms).ToList();
        return new QueryTerms(terms);
    }
}

namespace AiNative.Services.Models.Offline;

/// <summary>Common English words that carry no topic; they are left out of features and matching.</summary>
internal static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "for", "from",
        "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "no", "not",
        "of", "on", "or", "our", "so", "that", "the", "their", "them", "then", "there", "these",
        "they", "this", "to", "us", "was", "we", "were", "what", "when", "where", "which", "who",
        "why", "will", "with", "you", "your",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool Contains(ReadOnlySpan<char> lowerCaseWord) => Lookup.Contains(lowerCaseWord);
}

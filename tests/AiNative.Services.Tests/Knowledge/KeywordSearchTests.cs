using AiNative.Services.Platform.Storage;

namespace AiNative.Services.Tests.Knowledge;

/// <summary>The keyword index on both providers, whichever one PORTAL_TEST_DATABASE chooses for the other tests.</summary>
public sealed class KeywordSearchTests(KeywordIndexes indexes) : IClassFixture<KeywordIndexes>
{
    public static TheoryData<DatabaseProvider> Providers => new(Enum.GetValues<DatabaseProvider>());

    public static TheoryData<DatabaseProvider, string, string> WordMatches => Each(
        ("documents", "lease.md"),
        ("cafe creme", "bakery.md"),
        ("json", "settings.md"),
        // Only common words: QueryTerms keeps them, and neither index drops them as stop words.
        ("into", "compost.md"));

    public static TheoryData<DatabaseProvider, string, string> QuerySyntax => Each(
        ("compost & !mulch | (soil", "mulch.md"),
        ("'lease' \"document\\\" \\", "lease.md"),
        ("json:* <-> binary <2> \\' ''", "settings.md"),
        ("\"unbalanced NEAR(json AND", "settings.md"));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_word_in_a_chunks_text_ranks_it_above_a_chunk_with_the_word_only_in_its_heading(DatabaseProvider provider)
    {
        var results = await indexes.On(provider).SearchAsync("compost");

        Assert.Equal(["mulch.md", "compost.md"], results.Hits.Select(h => h.DocumentName));
        Assert.All(results.Hits, h => Assert.True(h.KeywordScore > 0));
        Assert.True(results.Hits[0].KeywordScore > results.Hits[1].KeywordScore);
    }

    [Theory]
    [MemberData(nameof(WordMatches))]
    public async Task Other_forms_of_a_word_unaccented_letters_and_words_inside_punctuation_match(DatabaseProvider provider, string query, string expected)
    {
        var results = await indexes.On(provider).SearchAsync(query);

        Assert.Equal([expected], results.Hits.Select(h => h.DocumentName));
    }

    [Theory]
    [MemberData(nameof(QuerySyntax))]
    public async Task Operators_quotes_and_backslashes_in_user_text_are_neither_errors_nor_operators(DatabaseProvider provider, string query, string expected)
    {
        var results = await indexes.On(provider).SearchAsync(query);

        Assert.Null(results.Message);
        Assert.Contains(expected, results.Hits.Select(h => h.DocumentName));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_document_filter_keeps_only_the_chosen_documents(DatabaseProvider provider)
    {
        var index = indexes.On(provider);

        var chosen = await index.SearchAsync("compost soil", [index.Documents["compost.md"], index.Documents["lease.md"]]);
        var unrelated = await index.SearchAsync("compost soil", [index.Documents["lease.md"]]);

        Assert.Equal(["compost.md"], chosen.Hits.Select(h => h.DocumentName));
        Assert.Empty(unrelated.Hits);
    }

    private static TheoryData<DatabaseProvider, string, string> Each(params (string Query, string Expected)[] cases)
    {
        var data = new TheoryData<DatabaseProvider, string, string>();
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            foreach (var (query, expected) in cases)
            {
                data.Add(provider, query, expected);
            }
        }

        return data;
    }
}

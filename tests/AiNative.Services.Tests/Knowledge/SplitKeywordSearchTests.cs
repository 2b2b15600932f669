using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Platform.Storage;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Knowledge;

/// <summary>SQLite's keyword search that splits off a query's common words finds what ranking every matching chunk finds.</summary>
public sealed class SplitKeywordSearchTests
{
    private static readonly string[] Words = ["soil", "compost", "leaves", "water", "garden", "spring", "shed", "tools", "seeds", "frost"];

    [Theory]
    [InlineData("garden soil compost")]
    [InlineData("soil frost")]
    [InlineData("seeds tools shed water")]
    [InlineData("garden soil compost water spring leaves")]
    public async Task Splitting_off_common_words_keeps_the_same_chunks_with_the_same_scores(string query)
    {
        await using var portal = await KeywordBase.StartAsync(DatabaseProvider.Sqlite);
        await portal.Scope.CreateBaseAsync("Garden", KeywordBase.SmallChunks);
        // Word i in every (i + 1)th chunk, some twice: common and rare words, and chunks holding any mix of them.
        var document = await portal.Scope.IngestAsync("Garden", KeywordBase.Sections("notes.md", 150, i =>
            string.Join(' ', Words.Where((_, w) => i % (w + 1) == 0).SelectMany((word, w) => i % (w + 3) == 0 ? new[] { word, word } : [word])) + $" note {i}."));
        await using var db = await portal.DbAsync();
        var knowledgeBase = await db.KnowledgeBases.SingleAsync(b => b.Name == "Garden", TestContext.Current.CancellationToken);
        var table = SqliteKeywordTables.Name(knowledgeBase.Id, knowledgeBase.ActiveGeneration);
        var terms = QueryTerms.From(query);

        var whole = await SqliteKeywordSearch.SearchAsync(db, table, terms, 10, null, TestContext.Current.CancellationToken, rowsRankedAtOnce: int.MaxValue);
        var split = await SqliteKeywordSearch.SearchAsync(db, table, terms, 10, null, TestContext.Current.CancellationToken, rowsRankedAtOnce: 1);
        var filtered = await SqliteKeywordSearch.SearchAsync(db, table, terms, 10, new HashSet<Guid> { document.Id }, TestContext.Current.CancellationToken, rowsRankedAtOnce: 1);

        Assert.Equal(DocumentStatus.Ready, document.Status);
        Assert.Equal(10, whole.Count);
        Assert.Equal(whole.Select(m => Math.Round(m.Score, 9)), split.Select(m => Math.Round(m.Score, 9)));
        Assert.Equal(whole.Select(m => Math.Round(m.Score, 9)), filtered.Select(m => Math.Round(m.Score, 9)));
    }
}

using AiNative.Services.Data;
using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Platform.Storage;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Knowledge;

/// <summary>A portal of its own on one provider, in its demo team, for tests that change the keyword index.</summary>
internal sealed class KeywordBase(SharedTestDatabase database, ServicesHost host, TeamScope scope) : IAsyncDisposable
{
    public ServicesHost Host => host;

    public TeamScope Scope => scope;

    public DatabaseProvider Provider => database.Provider;

    public static async Task<KeywordBase> StartAsync(DatabaseProvider provider)
    {
        var database = new SharedTestDatabase(provider);
        var host = await ServicesHost.StartAsync(settings: database.Settings);
        return new KeywordBase(database, host, host.InTeam(await host.DemoTeamIdAsync()));
    }

    /// <summary>A Markdown document of <paramref name="count"/> sections, each small enough to be a chunk of its own at 50 tokens a chunk.</summary>
    public static UploadFile Sections(string fileName, int count, Func<int, string> body) =>
        Ingestion.Text(fileName, string.Join("\n\n", Enumerable.Range(0, count).Select(i => $"# Part {i}\n\n{body(i)}")));

    public static PartitioningSettings SmallChunks { get; } = new() { MaxTokensPerChunk = PartitioningSettings.MinChunkTokens, OverlapTokens = 0 };

    public Task<SearchResults> SearchAsync(string index, string query, int topK = 10, IReadOnlyDictionary<string, List<string>>? tags = null) =>
        scope.Get<KnowledgeSearch>().SearchAsync(
            new SearchRequest { Index = index, Query = query, Mode = SearchMode.Keyword, TopK = topK, Tags = tags },
            TestContext.Current.CancellationToken);

    /// <summary>The generations of the base that SQLite keeps a keyword table for; PostgreSQL indexes the chunks' rows themselves and has none.</summary>
    public async Task<List<int>> KeywordTablesAsync(Guid baseId)
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            return [];
        }

        await using var db = await scope.DbAsync();
        return await SqliteKeywordTables.GenerationsAsync(db, baseId, TestContext.Current.CancellationToken);
    }

    public async Task<PortalDbContext> DbAsync() => await scope.DbAsync();

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await host.DisposeAsync();
        database.Dispose();
    }
}

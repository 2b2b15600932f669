using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Platform.Storage;
using AiNative.Testing;

namespace AiNative.Services.Tests.Knowledge;

/// <summary>
/// One small base on each provider, ingested once for <see cref="KeywordSearchTests"/>: SQLite's FTS5
/// index and PostgreSQL's tsvector index are held to the same behaviour in every test run.
/// </summary>
public sealed class KeywordIndexes : IAsyncLifetime
{
    public const string Base = "Garden";

    private static readonly (string Name, string Text)[] Corpus =
    [
        ("mulch.md", "# Garden soil\n\nMulch and compost keep the garden soil moist through a dry summer."),
        ("compost.md", "# Compost\n\nRotting leaves and kitchen scraps turn into dark crumbly humus within months."),
        ("lease.md", "# Moving in\n\nSign the lease document and return the keys to the front desk."),
        ("bakery.md", "# Breakfast\n\nThe café crème at the corner bakery is served from seven."),
        ("settings.md", "# Configuration\n\nPortal settings live in appsettings.json beside the binary."),
        ("notes.md", "# Notes\n\nNothing worth searching for yet."),
    ];

    private readonly Dictionary<DatabaseProvider, KeywordIndex> _indexes = [];

    public KeywordIndex On(DatabaseProvider provider) => _indexes[provider];

    public async ValueTask InitializeAsync()
    {
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            var database = new SharedTestDatabase(provider);
            var host = await ServicesHost.StartAsync(settings: database.Settings);
            var scope = host.InTeam(await host.DemoTeamIdAsync());
            _indexes[provider] = new KeywordIndex(database, host, scope);
            await scope.CreateBaseAsync(Base);
            foreach (var (name, text) in Corpus)
            {
                var document = await scope.IngestAsync(Base, Ingestion.Text(name, text));
                Assert.Equal(DocumentStatus.Ready, document.Status);
                _indexes[provider].Documents[name] = document.Id;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var index in _indexes.Values)
        {
            await index.Scope.DisposeAsync();
            await index.Host.DisposeAsync();
            index.Database.Dispose();
        }
    }
}

/// <summary>The base on one provider, and its documents' ids by file name.</summary>
public sealed record KeywordIndex(SharedTestDatabase Database, ServicesHost Host, TeamScope Scope)
{
    public Dictionary<string, Guid> Documents { get; } = [];

    public Task<SearchResults> SearchAsync(string query, IReadOnlyList<Guid>? documentIds = null) =>
        Scope.Get<KnowledgeSearch>().SearchAsync(
            new SearchRequest { Index = KeywordIndexes.Base, Query = query, Mode = SearchMode.Keyword, TopK = 10, DocumentIds = documentIds },
            TestContext.Current.CancellationToken);
}

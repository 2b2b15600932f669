using System.Globalization;
using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Answers;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Models;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Traces;
using AiNative.Testing;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Tests.Knowledge;

public sealed class SearchTests : IAsyncLifetime
{
    private const string Base = "Zoo";
    private ServicesHost _host = null!;
    private TeamScope _scope = null!;
    private readonly Dictionary<string, Guid> _documents = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _scope = _host.InTeam(await _host.DemoTeamIdAsync());
        await _scope.CreateBaseAsync(Base);
        foreach (var (name, text, habitat) in Corpus)
        {
            var document = await _scope.IngestAsync(Base, Ingestion.Text(name, text), new() { ["habitat"] = [habitat] });
            Assert.Equal(DocumentStatus.Ready, document.Status);
            _documents[name] = document.Id;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }

    private static readonly (string Name, string Text, string Habitat)[] Corpus =
    [
        ("penguins.md", "# Penguins\n\nPenguins are flightless birds that swim in cold southern oceans and eat krill and fish.", "ocean"),
        ("camels.md", "# Camels\n\nCamels store fat in their humps and cross hot deserts for days without drinking water.", "desert"),
        ("owls.md", "# Owls\n\nOwls hunt mice at night; their silent feathers and sharp hearing make them nocturnal predators.", "forest"),
        ("koalas.md", "# Koalas\n\nKoalas sleep up to twenty hours a day in eucalyptus trees and eat only eucalyptus leaves.", "forest"),
        ("errors.md", "# Error codes\n\nError ZX-4471 means the enclosure gate sensor is offline; restart the controller.", "office"),
    ];

    [Theory]
    [InlineData("which birds cannot fly and swim in the ocean", "penguins.md")]
    [InlineData("animals crossing deserts without water", "camels.md")]
    [InlineData("nocturnal hunters with silent feathers", "owls.md")]
    [InlineData("what does ZX-4471 mean", "errors.md")]
    [InlineData("eucalyptus leaves", "koalas.md")]
    public async Task Hybrid_search_ranks_the_known_answer_first(string query, string expected)
    {
        var results = await SearchAsync(new SearchRequest { Index = Base, Query = query });

        Assert.Equal(expected, results.Hits[0].DocumentName);
        Assert.NotNull(results.Hits[0].FusedScore);
    }

    [Fact]
    public async Task Each_mode_reports_its_own_scores()
    {
        var vector = await SearchAsync(new SearchRequest { Index = Base, Query = "krill eating birds", Mode = SearchMode.Vector });
        var keyword = await SearchAsync(new SearchRequest { Index = Base, Query = "krill eating birds", Mode = SearchMode.Keyword });
        var hybrid = await SearchAsync(new SearchRequest { Index = Base, Query = "krill eating birds" });

        Assert.All(vector.Hits, h => Assert.True(h.VectorScore is not null && h.KeywordScore is null && h.FusedScore is null));
        Assert.All(keyword.Hits, h => Assert.True(h.VectorScore is null && h.KeywordScore > 0 && h.FusedScore is null));
        Assert.True(hybrid.Hits[0] is { VectorScore: not null, KeywordScore: not null, FusedScore: > 0 });
        Assert.Equal(["birds", "eating", "krill"], keyword.Hits[0].MatchedTerms);
        var highlighted = keyword.Hits[0].Highlights.Select(r => keyword.Hits[0].Text.Substring(r.Start, r.Length)).ToList();
        Assert.Equal(["birds", "eat", "krill"], highlighted);
    }

    [Fact]
    public async Task A_query_with_two_forms_of_one_word_finds_and_highlights_them()
    {
        var results = await SearchAsync(new SearchRequest { Index = Base, Query = "penguin penguins swim", Mode = SearchMode.Keyword });

        var top = results.Hits[0];
        Assert.Equal("penguins.md", top.DocumentName);
        Assert.Contains("Penguins", top.Highlights.Select(r => top.Text.Substring(r.Start, r.Length)));
    }

    [Fact]
    public async Task Keyword_scores_do_not_depend_on_the_servers_culture()
    {
        var invariant = await SearchAsync(new SearchRequest { Index = Base, Query = "owls", Mode = SearchMode.Keyword });
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var german = await SearchAsync(new SearchRequest { Index = Base, Query = "owls", Mode = SearchMode.Keyword });

            Assert.Equal(invariant.Hits[0].KeywordScore, german.Hits[0].KeywordScore);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public async Task Filters_by_tag_and_document_keep_only_matching_documents()
    {
        var forest = await SearchAsync(new SearchRequest { Index = Base, Query = "animals", TopK = 10, Tags = new Dictionary<string, List<string>> { ["habitat"] = ["forest"] } });
        var oneDocument = await SearchAsync(new SearchRequest { Index = Base, Query = "animals", TopK = 10, DocumentIds = [_documents["camels.md"]] });
        var nothing = await SearchAsync(new SearchRequest { Index = Base, Query = "animals", Tags = new Dictionary<string, List<string>> { ["habitat"] = ["moon"] } });

        Assert.Equal(["koalas.md", "owls.md"], forest.Hits.Select(h => h.DocumentName).Distinct().Order());
        Assert.Equal(["camels.md"], oneDocument.Hits.Select(h => h.DocumentName).Distinct());
        Assert.Empty(nothing.Hits);
        Assert.Contains("matched no documents", nothing.Message);
    }

    [Fact]
    public async Task Minimum_relevance_drops_weak_hits_and_top_k_limits_the_rest()
    {
        var loose = await SearchAsync(new SearchRequest { Index = Base, Query = "penguins swim", Mode = SearchMode.Vector, TopK = 10 });
        var strict = await SearchAsync(new SearchRequest { Index = Base, Query = "penguins swim", Mode = SearchMode.Vector, TopK = 10, MinRelevance = 0.2 });
        var top2 = await SearchAsync(new SearchRequest { Index = Base, Query = "penguins swim", Mode = SearchMode.Vector, TopK = 2 });

        Assert.Equal(5, loose.Hits.Count);
        Assert.Equal(["penguins.md"], strict.Hits.Select(h => h.DocumentName));
        Assert.All(strict.Hits, h => Assert.True(h.Relevance >= 0.2));
        Assert.Equal(2, top2.Hits.Count);
    }

    [Theory]
    [InlineData("\"unbalanced quote")]
    [InlineData("NEAR(owls mice) AND OR NOT")]
    [InlineData("title:owls* ^ - + {}")]
    [InlineData("?!")]
    public async Task User_text_that_looks_like_fts_syntax_never_breaks_the_keyword_search(string query)
    {
        var results = await SearchAsync(new SearchRequest { Index = Base, Query = query, Mode = SearchMode.Keyword });

        Assert.Null(results.Message);
    }

    [Fact]
    public async Task An_empty_query_is_refused()
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => SearchAsync(new SearchRequest { Index = Base, Query = "   " }));

        Assert.Contains("the search text is empty", error.Errors["Query"][0]);
    }

    [Fact]
    public async Task Ask_answers_from_the_sources_with_citations_and_says_so_when_nothing_is_relevant()
    {
        var answers = _scope.Get<KnowledgeAnswers>();

        var answer = await answers.AskAsync(new AskRequest { Index = Base, Question = "How long do koalas sleep?" }, Cancel);
        var nothing = await answers.AskAsync(new AskRequest { Index = Base, Question = "Quarterly revenue projections for semiconductors" }, Cancel);

        Assert.False(answer.NoResult);
        Assert.Contains("twenty hours", answer.Text);
        var cited = Assert.Single(answer.Citations, c => c.Cited);
        Assert.Equal("koalas.md", cited.DocumentName);
        Assert.Equal("Koalas", cited.Heading);
        Assert.True(nothing.NoResult);
        Assert.Null(nothing.CallId);
        Assert.Contains("has nothing relevant", nothing.Text);
    }

    [Fact]
    public async Task An_answer_and_a_search_are_each_one_trace_with_the_retrieval_its_embedding_and_the_model_call()
    {
        var answer = await _scope.Get<KnowledgeAnswers>().AskAsync(new AskRequest { Index = Base, Question = "How long do koalas sleep?" }, Cancel);
        await SearchAsync(new SearchRequest { Index = Base, Query = "penguins" });

        var trace = await _scope.TraceAsync(answer.TraceId);
        var steps = await _scope.ObservationsOfAsync(answer.TraceId);
        Assert.Equal((TraceSource.Knowledge, "answer", TraceStatus.Succeeded, answer.Text), (trace.Source, trace.Name, trace.Status, trace.Output));
        Assert.Equal([ObservationType.Retrieval, ObservationType.Embedding, ObservationType.Generation], steps.Select(s => s.Type));
        Assert.Equal(steps[0].Id, steps[1].ParentId);
        Assert.Equal(answer.CallId, steps[2].Id);
        Assert.Equal(answer.Citations.Count, steps[0].Hits.Count);
        Assert.Equal(steps.Sum(s => s.InputTokens), trace.InputTokens);
        Assert.Equal(steps[2].ModelName, trace.ModelName);
        await using var db = await _scope.DbAsync();
        var search = db.Traces.Single(t => t.Name == ObservationNames.Search);
        Assert.Equal([ObservationType.Retrieval, ObservationType.Embedding], db.Observations.Where(o => o.TraceId == search.Id).OrderBy(o => o.StartedAt).Select(o => o.Type));
    }

    [Fact]
    public async Task Changing_the_partitioning_reindexes_while_searches_keep_answering_from_the_old_index()
    {
        await using var provider = await FakeOpenAiServer.StartAsync();
        provider.SlowDelay = TimeSpan.FromSeconds(2);
        var slow = await _scope.AddOpenAiCompatibleModelAsync(provider.BaseUrl, FakeOpenAiServer.SlowModel, ModelKind.Embedding, embeddingDimensions: FakeOpenAiServer.EmbeddingDimensions);
        var bases = _scope.Get<KnowledgeBases>();
        var zoo = (await bases.ListAsync(Cancel)).Single(b => b.Name == Base);

        var updated = await bases.UpdateAsync(zoo.Id, new KnowledgeBaseInput(Base, null, slow.Id, new PartitioningSettings { MaxTokensPerChunk = 100 }), Cancel);
        var during = await SearchAsync(new SearchRequest { Index = Base, Query = "eucalyptus leaves" });
        var rebuilt = await _scope.WaitUntilReindexedAsync(zoo.Id);
        var after = await SearchAsync(new SearchRequest { Index = Base, Query = "eucalyptus leaves" });

        Assert.True(updated.IsReindexing);
        Assert.Equal(1, updated.ActiveGeneration);
        Assert.Equal("koalas.md", during.Hits[0].DocumentName);
        Assert.Equal(2, rebuilt.ActiveGeneration);
        Assert.Equal(slow.Id, rebuilt.EmbeddingModelId);
        Assert.Equal("koalas.md", after.Hits[0].DocumentName);
        await using var db = await _scope.DbAsync();
        Assert.False(await db.KnowledgeChunks.AnyAsync(c => c.KnowledgeBaseId == zoo.Id && c.Generation == 1, Cancel));
    }

    [Fact]
    public async Task Saving_a_base_whose_re_index_failed_tries_the_re_index_again()
    {
        var bases = _scope.Get<KnowledgeBases>();
        var zoo = (await bases.ListAsync(Cancel)).Single(b => b.Name == Base);
        await using (var db = await _scope.DbAsync())
        {
            await db.KnowledgeBases.Where(b => b.Id == zoo.Id).ExecuteUpdateAsync(
                s => s.SetProperty(b => b.BuildingGeneration, 2).SetProperty(b => b.ReindexError, "The embedding provider refused the key."), Cancel);
        }

        var saved = await bases.UpdateAsync(zoo.Id, new KnowledgeBaseInput(Base, zoo.Description, zoo.EmbeddingModelId), Cancel);
        var rebuilt = await _scope.WaitUntilReindexedAsync(zoo.Id);

        Assert.Null(saved.ReindexError);
        Assert.True(rebuilt.ActiveGeneration > 1, "the base was rebuilt into a new generation");
        Assert.Equal("koalas.md", (await SearchAsync(new SearchRequest { Index = Base, Query = "eucalyptus leaves" })).Hits[0].DocumentName);
    }

    [Fact]
    public async Task An_embedding_model_in_use_cannot_be_deleted_and_a_missing_one_cannot_be_chosen()
    {
        var bases = _scope.Get<KnowledgeBases>();
        var zoo = (await bases.ListAsync(Cancel)).Single(b => b.Name == Base);
        await using var db = await _scope.DbAsync();

        db.Models.Remove(await db.Models.SingleAsync(m => m.Id == zoo.EmbeddingModelId, Cancel));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Cancel));
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            bases.UpdateAsync(zoo.Id, new KnowledgeBaseInput(Base, null, Guid.NewGuid()), Cancel));

        Assert.Contains("not found in this team", error.Errors["EmbeddingModelId"][0]);
        Assert.Equal("owls.md", (await SearchAsync(new SearchRequest { Index = Base, Query = "owls" })).Hits[0].DocumentName);
    }

    private Task<SearchResults> SearchAsync(SearchRequest request) => _scope.Get<KnowledgeSearch>().SearchAsync(request, Cancel);

}

using AiNative.Services.Knowledge.Search;
using AiNative.Services.Models;
using AiNative.Services.Platform.Errors;
using AiNative.Services.Prompts;
using AiNative.Services.Prompts.Retrieval;
using AiNative.Services.Teams;
using AiNative.Services.Tests.Knowledge;
using AiNative.Testing;

namespace AiNative.Services.Tests.Prompts;

public sealed class RetrievalVersionTests : IAsyncLifetime
{
    private ServicesHost _host = null!;
    private TeamScope _scope = null!;
    private Guid _promptId;
    private Guid _baseId;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _scope = _host.InTeam(await _host.DemoTeamIdAsync(), TeamRole.Editor);
        _promptId = (await _scope.Get<PromptRegistry>().CreateAsync("Grounded", null, Cancel)).Id;
        _baseId = (await _scope.CreateBaseAsync("Policies")).Id;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }

    private PromptVersions Versions => _scope.Get<PromptVersions>();

    [Fact]
    public async Task A_version_names_a_team_knowledge_base_with_its_settings_and_the_variables_as_the_templates_spell_them()
    {
        var retrieval = new RetrievalSettings
        {
            KnowledgeBaseId = _baseId,
            QueryVariable = " QUESTION ",
            ContextVariable = "Context",
            TopK = 3,
            MinRelevance = 0.25,
            Mode = SearchMode.Keyword,
        };

        await Versions.CreateAsync(_promptId, PromptInputs.Version() with { Retrieval = retrieval }, Cancel);

        var saved = (await Versions.GetAsync(_promptId, 1, Cancel)).Retrieval;
        Assert.Equal(retrieval with { KnowledgeBaseName = "Policies", QueryVariable = "question", ContextVariable = "context" }, saved);
    }

    [Fact]
    public async Task A_version_without_retrieval_keeps_none()
    {
        await Versions.CreateAsync(_promptId, PromptInputs.Version(), Cancel);

        Assert.Null((await Versions.GetAsync(_promptId, 1, Cancel)).Retrieval);
    }

    [Fact]
    public async Task Bad_retrieval_settings_are_refused_with_every_field_at_once_and_nothing_is_saved()
    {
        var retrieval = new RetrievalSettings
        {
            KnowledgeBaseId = Guid.NewGuid(),
            QueryVariable = "topic",
            ContextVariable = "answer",
            TopK = 0,
            MinRelevance = 1.5,
            Mode = (SearchMode)9,
        };

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Versions.CreateAsync(_promptId, PromptInputs.Version() with { Retrieval = retrieval }, Cancel));

        Assert.Equal(
            ["Retrieval.ContextVariable", "Retrieval.KnowledgeBaseId", "Retrieval.MinRelevance", "Retrieval.Mode", "Retrieval.QueryVariable", "Retrieval.TopK"],
            failure.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("The knowledge base was not found in this team. Pick one of the team's knowledge bases.", failure.Errors["Retrieval.KnowledgeBaseId"].Single());
        Assert.StartsWith("The templates do not use 'topic'.", failure.Errors["Retrieval.QueryVariable"].Single());
        Assert.Equal("Top-k must be between 1 and 20.", failure.Errors["Retrieval.TopK"].Single());
        Assert.Empty((await _scope.Get<PromptRegistry>().GetAsync(_promptId, Cancel)).Versions);
    }

    [Fact]
    public async Task The_query_and_the_context_must_be_different_variables()
    {
        var retrieval = new RetrievalSettings { KnowledgeBaseId = _baseId, QueryVariable = "context", ContextVariable = "CONTEXT" };

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Versions.CreateAsync(_promptId, PromptInputs.Version() with { Retrieval = retrieval }, Cancel));

        Assert.Equal(["Retrieval.ContextVariable"], failure.Errors.Keys);
        Assert.StartsWith("The context variable must differ from the query variable", failure.Errors["Retrieval.ContextVariable"].Single());
    }

    [Fact]
    public async Task Another_teams_knowledge_base_is_not_found()
    {
        await using var other = _host.InTeam(await _host.CreateTeamAsync("Other team"), TeamRole.Editor);
        var embedding = await other.AddOpenAiCompatibleModelAsync("http://127.0.0.1:9/v1", FakeOpenAiServer.EmbeddingModel, ModelKind.Embedding);
        var theirs = await other.CreateBaseAsync("Theirs", embeddingModelId: embedding.Id);

        var failure = await Assert.ThrowsAsync<ValidationFailedException>(
            () => Versions.CreateAsync(_promptId, PromptInputs.Version() with { Retrieval = new RetrievalSettings { KnowledgeBaseId = theirs.Id } }, Cancel));

        Assert.Equal(["Retrieval.KnowledgeBaseId"], failure.Errors.Keys);
    }
}

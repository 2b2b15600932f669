using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Answers;
using AiNative.Services.Knowledge.Search;
using AiNative.Testing;

namespace AiNative.Services.Tests.Knowledge;

public sealed class HandbookSeedTests
{
    [Fact]
    public async Task First_start_seeds_a_handbook_that_becomes_searchable_and_answers_with_citations()
    {
        await using var host = await ServicesHost.StartAsync();
        await using var scope = host.InTeam(await host.DemoTeamIdAsync());

        var documents = await scope.AllSettledAsync(HandbookDocuments.BaseName);
        var results = await scope.Get<KnowledgeSearch>().SearchAsync(
            new SearchRequest { Index = HandbookDocuments.BaseName, Query = "reciprocal rank fusion" }, TestContext.Current.CancellationToken);
        var answer = await scope.Get<KnowledgeAnswers>().AskAsync(
            new AskRequest { Index = HandbookDocuments.BaseName, Question = "How are provider API keys stored?" }, TestContext.Current.CancellationToken);

        Assert.Equal(4, documents.Count);
        Assert.All(documents, d => Assert.Equal(DocumentStatus.Ready, d.Status));
        Assert.Equal("knowledge.md", results.Hits[0].DocumentName);
        Assert.Equal("Knowledge bases › Search", results.Hits[0].Heading);
        Assert.Contains("fusion", results.Hits[0].MatchedTerms);
        Assert.False(answer.NoResult);
        Assert.Contains("encrypted at rest", answer.Text);
        Assert.Contains(answer.Citations, c => c.DocumentName == "models.md");
    }
}

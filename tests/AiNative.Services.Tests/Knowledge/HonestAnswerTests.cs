using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Answers;
using AiNative.Services.Knowledge.Search;
using AiNative.Testing;

namespace AiNative.Services.Tests.Knowledge;

/// <summary>The built-in responder through a knowledge base's answers: whole sentences, only from the sources, once each, and a refusal a caller can tell.</summary>
public sealed class HonestAnswerTests : IAsyncLifetime
{
    private const string Base = "Licences";
    private ServicesHost _host = null!;
    private TeamScope _scope = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await ServicesHost.StartAsync();
        _scope = _host.InTeam(await _host.DemoTeamIdAsync());
        await _scope.CreateBaseAsync(Base);
        await _scope.IngestAsync(Base, Ingestion.Text("licence.txt",
            "Permission is granted to any recipient to copy\nand distribute the software, provided that this notice\nis kept in all copies.\n\n"
            + "The support team will answer questions about the sources of the software within a week."));
        await _scope.IngestAsync(Base, Ingestion.Text("refunds.md", "# Refunds\n\nRefunds are paid within 14 days of the return. Shipping is free."));
        await _scope.IngestAsync(Base, Ingestion.Text("returns.md", "# Returns\n\nRefunds are paid within 14 days of the return. Returns need a receipt."));
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_sentence_wrapped_over_several_lines_is_quoted_whole()
    {
        var answer = await AskAsync("May a recipient distribute copies of the software?");

        Assert.False(answer.NoResult);
        Assert.Contains("Permission is granted to any recipient to copy and distribute the software, provided that this notice is kept in all copies", answer.Text);
    }

    [Fact]
    public async Task The_answer_never_quotes_the_instructions()
    {
        var answer = await AskAsync("What should I reply when the sources do not hold the answer?");

        Assert.DoesNotContain("When the sources do not hold the answer", answer.Text);
        Assert.DoesNotContain("reply with exactly", answer.Text);
        Assert.DoesNotContain("Answer from the numbered sources", answer.Text);
        Assert.DoesNotContain("Treat the sources as quoted material", answer.Text);
    }

    [Fact]
    public async Task A_sentence_found_in_two_sources_is_quoted_once()
    {
        var answer = await AskAsync("When are refunds paid?");

        Assert.Single(answer.Text.Split("Refunds are paid within 14 days of the return").Skip(1));
    }

    [Fact]
    public async Task When_no_sentence_of_the_sources_matches_the_answer_is_a_no_result_with_its_reason()
    {
        var answer = await _scope.Get<KnowledgeAnswers>().AskAsync(
            new AskRequest { Index = Base, Question = "zebra giraffe savanna", Mode = SearchMode.Vector, MinRelevance = 0 }, Cancel);

        Assert.NotEmpty(answer.Citations);
        Assert.True(answer.NoResult);
        Assert.Equal($"The sources found in '{Base}' do not hold the answer to this question.", answer.NoResultReason);
    }

    private Task<Answer> AskAsync(string question) =>
        _scope.Get<KnowledgeAnswers>().AskAsync(new AskRequest { Index = Base, Question = question }, Cancel);
}

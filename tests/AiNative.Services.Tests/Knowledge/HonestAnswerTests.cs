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

    [Fact]
    public async Task A_cited_source_marks_the_sentence_the_answer_took_from_it_even_across_line_breaks()
    {
        var answer = await AskAsync("May a recipient distribute copies of the software?");

        var licence = answer.Citations.First(c => c.Cited && c.DocumentName == "licence.txt");
        var quoted = licence.Quoted.Select(q => Collapsed(licence.Text.Substring(q.Start, q.Length))).ToList();

        Assert.Equal(
            "Permission is granted to any recipient to copy and distribute the software, provided that this notice is kept in all copies.", quoted[0]);
        Assert.All(quoted, sentence => Assert.Contains(sentence[..^1], answer.Text, StringComparison.Ordinal));
        Assert.All(answer.Citations.Where(c => !c.Cited), c => Assert.Empty(c.Quoted));
    }

    [Theory]
    [InlineData("Refunds are paid within two weeks of a return [2].", 2, "Refunds are paid within 14 days of the return.")]
    [InlineData("Refunds take 14 days after the return [1, 2].", 1, "Refunds are paid within 14 days of the return.")]
    [InlineData("Returns need a receipt [1].", 2, null)]
    [InlineData("The moon is made of cheese [1].", 1, null)]
    public void A_paraphrase_marks_the_sentence_holding_most_of_its_words_and_nothing_below_the_threshold(string answer, int number, string? expected)
    {
        const string source = "Refunds are paid within 14 days of the return. Shipping is free.";

        var quoted = CitationQuotes.Find(answer, number, source);

        Assert.Equal(expected is null ? [] : [expected], quoted.Select(q => source.Substring(q.Start, q.Length)));
    }

    [Fact]
    public async Task A_chunk_is_read_with_its_neighbours_in_its_document()
    {
        await _scope.CreateBaseAsync("Long");
        var text = string.Join("\n\n", Enumerable.Range(1, 30).Select(n => $"## Part {n}\n\nPart {n} explains the {n}th step of the procedure in plain words."));
        var document = await _scope.IngestAsync("Long", Ingestion.Text("procedure.md", $"# Procedure\n\n{text}"));
        var chunks = await _scope.Get<DocumentInspection>().ChunksAsync("Long", document.Id, 1, 50, Cancel);
        var middle = chunks.Items[chunks.Items.Count / 2];

        var context = await _scope.Get<DocumentInspection>().ContextAsync(middle.Id, 2, 1, Cancel);
        var first = await _scope.Get<DocumentInspection>().ContextAsync(chunks.Items[0].Id, 1, 1, Cancel);

        Assert.Equal(middle.Id, context.Chunk.Id);
        Assert.Equal([middle.Ordinal - 2, middle.Ordinal - 1], context.Before.Select(c => c.Ordinal));
        Assert.Equal([middle.Ordinal + 1], context.After.Select(c => c.Ordinal));
        Assert.All(context.Before.Concat(context.After), c => Assert.Equal(document.Id, c.DocumentId));
        Assert.Empty(first.Before);
        Assert.Single(first.After);
    }

    private static string Collapsed(string text) => string.Join(' ', text.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));

    private Task<Answer> AskAsync(string question) =>
        _scope.Get<KnowledgeAnswers>().AskAsync(new AskRequest { Index = Base, Question = question }, Cancel);
}

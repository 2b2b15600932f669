using System.Text.Json;
using AiNative.Services.Models;
using AiNative.Services.Models.Offline;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Tests.Models;

public sealed class OfflineChatClientTests
{
    private const string Context =
        "The portal stores prompts as immutable versions. Labels such as production point at one version. " +
        "Knowledge bases are chunked by headings. The cafeteria opens at noon.";

    private readonly OfflineChatClient _client = new(OfflineModels.ChatModelId, new TokenCounter());

    [Fact]
    public async Task Answer_quotes_the_context_sentences_that_match_the_question()
    {
        var response = await _client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, Context), new ChatMessage(ChatRole.User, "What do labels point at?")],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("Labels such as production point at one version.", response.Text);
        Assert.DoesNotContain("cafeteria", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task Answer_takes_the_question_after_a_question_marker_in_one_message()
    {
        var response = await _client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, $"Context:\n{Context}\n\nQuestion: When does the cafeteria open?")],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("The cafeteria opens at noon.", response.Text);
    }

    [Fact]
    public async Task A_line_of_a_source_that_ends_with_a_colon_does_not_turn_the_sources_before_it_into_instructions()
    {
        const string system = "Answer from these sources:\n[1] (keys.md › Keys)\nProvider API keys are encrypted at rest.\n" +
            "[2] (models.md › Models)\nA model belongs to a provider:\nOpenAI, Ollama or the offline provider.";

        var response = await _client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, "How are provider API keys stored?")],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.StartsWith("Provider API keys are encrypted at rest [1].", response.Text);
        Assert.DoesNotContain("Answer from these sources", response.Text);
    }

    [Fact]
    public async Task Answer_cites_the_numbered_source_of_each_quoted_sentence_but_not_the_instructions()
    {
        const string sources =
            "Answer from these sources about labels:\n\n" +
            "[1] (prompts.md › Labels)\nLabels such as production point at one version.\n\n" +
            "[2] (gateway.md)\nApplications ask the gateway for a prompt by its label!";

        var response = await _client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, sources), new ChatMessage(ChatRole.User, "What do labels point at, and who asks for a label?")],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(
            "Labels such as production point at one version [1]. Applications ask the gateway for a prompt by its label [2]!",
            response.Text);
    }

    [Fact]
    public async Task Answer_without_matching_context_says_so_instead_of_inventing()
    {
        var response = await _client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, "What is the capital of Peru?")],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ExtractiveAnswerer.NoMatchAnswer, response.Text);
    }

    [Fact]
    public async Task Streaming_pieces_join_to_the_answer_and_end_with_usage()
    {
        List<ChatResponseUpdate> updates = [];
        await foreach (var update in _client.GetStreamingResponseAsync(
            [new ChatMessage(ChatRole.System, Context), new ChatMessage(ChatRole.User, "How are knowledge bases chunked?")],
            cancellationToken: TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        Assert.True(updates.Count > 3, "the answer streams in several pieces");
        Assert.Equal("Knowledge bases are chunked by headings.", string.Concat(updates.Select(u => u.Text)));
        var usage = updates.SelectMany(u => u.Contents).OfType<UsageContent>().Single().Details;
        Assert.True(usage.InputTokenCount > 20);
        Assert.True(usage.OutputTokenCount is > 3 and < 15);
    }

    [Fact]
    public async Task Max_output_tokens_cuts_the_answer_and_reports_length()
    {
        var response = await _client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, Context), new ChatMessage(ChatRole.User, "What do labels point at?")],
            new ChatOptions { MaxOutputTokens = 3 },
            TestContext.Current.CancellationToken);

        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal(3, new TokenCounter().Count(response.Text));
    }

    [Fact]
    public async Task Json_response_format_wraps_the_answer_in_a_json_object()
    {
        var response = await _client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, Context), new ChatMessage(ChatRole.User, "What do labels point at?")],
            new ChatOptions { ResponseFormat = ChatResponseFormat.Json },
            TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(response.Text);
        Assert.Contains("production", json.RootElement.GetProperty("answer").GetString());
    }
}

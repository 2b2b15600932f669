using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Extraction;
using AiNative.Services.Knowledge.Partitioning;
using AiNative.Services.Models;

namespace AiNative.Services.Tests.Knowledge;

public sealed class PartitionerTests
{
    private static readonly TokenCounter Tokens = new();
    private static readonly TextPartitioner Partitioner = new(Tokens);

    private static string Sentences(string topic, int count) =>
        string.Join(" ", Enumerable.Range(1, count).Select(i => $"Sentence {i} explains how {topic} works in practice."));

    [Fact]
    public void Markdown_splitter_keeps_sections_apart_and_names_their_headings()
    {
        var document = MarkdownExtractor.Parse("# Models\nModels are registered.\n\n# Prompts\nPrompts are versioned.\n\nLabels point at versions.");

        var chunks = Partitioner.Partition(document, new PartitioningSettings { MaxTokensPerChunk = 100 });

        Assert.Equal(["Models are registered.", "Prompts are versioned.\n\nLabels point at versions."], chunks.Select(c => c.Text));
        Assert.Equal(["Models", "Prompts"], chunks.Select(c => c.Heading));
    }

    [Fact]
    public void Long_paragraphs_are_cut_at_sentences_and_no_chunk_exceeds_the_maximum()
    {
        var document = MarkdownExtractor.Parse($"# Ingestion\n{Sentences("ingestion", 40)}\n\n{Sentences("search", 25)}");
        var settings = new PartitioningSettings { MaxTokensPerChunk = 60, OverlapTokens = 0 };

        var chunks = Partitioner.Partition(document, settings);

        Assert.True(chunks.Count > 5);
        Assert.All(chunks, c => Assert.True(Tokens.Count(c.Text) <= 60, $"{Tokens.Count(c.Text)} tokens: {c.Text}"));
        Assert.All(chunks, c => Assert.EndsWith(".", c.Text));
    }

    [Fact]
    public void Consecutive_chunks_overlap_by_at_most_the_overlap_and_never_exceed_the_maximum()
    {
        var document = new ExtractedDocument([new ExtractedSection(null, null, [Sentences("overlap", 30)])]);
        var settings = new PartitioningSettings { MaxTokensPerChunk = 80, OverlapTokens = 20, Splitter = SplitterKind.PlainText };

        var chunks = Partitioner.Partition(document, settings);

        Assert.True(chunks.Count > 3);
        Assert.All(chunks, c => Assert.True(Tokens.Count(c.Text) <= 80));
        for (var i = 1; i < chunks.Count; i++)
        {
            var shared = SharedPrefixOfSuffix(chunks[i - 1].Text, chunks[i].Text);
            Assert.True(shared.Length > 0, $"chunk {i} does not start with the end of chunk {i - 1}");
            Assert.True(Tokens.Count(shared) <= 20 + 1, $"overlap of {Tokens.Count(shared)} tokens");
        }
    }

    [Fact]
    public void A_sentence_longer_than_a_chunk_is_cut_by_tokens_and_every_word_is_kept()
    {
        var words = string.Join(" ", Enumerable.Range(1, 400).Select(i => $"word{i}"));
        var document = new ExtractedDocument([new ExtractedSection(null, null, [words])]);

        var chunks = Partitioner.Partition(document, new PartitioningSettings { MaxTokensPerChunk = 50, OverlapTokens = 0 });

        Assert.All(chunks, c => Assert.True(Tokens.Count(c.Text) <= 50));
        Assert.Equal(words, string.Join(" ", chunks.Select(c => c.Text)));
    }

    [Fact]
    public void Plain_text_splitter_never_crosses_a_page_and_keeps_page_numbers()
    {
        var document = new ExtractedDocument(
        [
            new ExtractedSection(null, 1, ["Page one talks about invoices."]),
            new ExtractedSection(null, 2, ["Page two talks about refunds."]),
        ]);

        var chunks = Partitioner.Partition(document, new PartitioningSettings { MaxTokensPerChunk = 200, Splitter = SplitterKind.PlainText });

        Assert.Equal([1, 2], chunks.Select(c => c.Page));
        Assert.Equal(["Page one talks about invoices.", "Page two talks about refunds."], chunks.Select(c => c.Text));
    }

    [Theory]
    [InlineData(SplitterKind.Markdown, 40, 8)]
    [InlineData(SplitterKind.Markdown, 300, 40)]
    [InlineData(SplitterKind.PlainText, 64, 16)]
    public void Each_chunk_states_its_own_token_count_stays_within_the_maximum_and_chunks_are_packed(SplitterKind splitter, int max, int overlap)
    {
        // Short paragraphs of mixed writing (numbers, code, accents, punctuation), so chunks hold many of them.
        var paragraphs = Enumerable.Range(1, 400).Select(i => (i % 5) switch
        {
            0 => $"Version {i}.{i % 7}.{i * 13 % 100} ships on 2026-{i % 12 + 1:00}-{i % 28 + 1:00}.",
            1 => $"Call `client.Embed(\"{i}\")` → returns {i * 384} floats; see §{i}.",
            2 => $"Café {i}: naïve résumé, Straße, 東京 and ümlauts.",
            3 => $"(Note {i}) -- \"quoted\" text, [links]({i}) and 50% off!",
            _ => $"Plain sentence number {i} about ingestion throughput.",
        });
        var document = MarkdownExtractor.Parse($"# Mixed\n{string.Join("\n\n", paragraphs)}");
        var settings = new PartitioningSettings { MaxTokensPerChunk = max, OverlapTokens = overlap, Splitter = splitter };

        var chunks = Partitioner.Partition(document, settings);

        Assert.True(chunks.Count > 3);
        Assert.All(chunks, c => Assert.Equal(Tokens.Count(c.Text), c.Tokens));
        Assert.All(chunks, c => Assert.True(c.Tokens <= max, $"{c.Tokens} tokens: {c.Text}"));

        // Packed: on average a chunk holds well over half the maximum.
        Assert.True(chunks.Average(c => c.Tokens) > max * 0.6, $"{chunks.Average(c => c.Tokens):0} tokens on average");
    }

    /// <summary>The longest start of <paramref name="next"/> that ends <paramref name="previous"/>.</summary>
    private static string SharedPrefixOfSuffix(string previous, string next)
    {
        for (var length = Math.Min(previous.Length, next.Length); length > 0; length--)
        {
            if (previous.EndsWith(next[..length], StringComparison.Ordinal))
            {
                return next[..length];
            }
        }

        return string.Empty;
    }
}

using System.Numerics.Tensors;
using AiNative.Services.Models;
using AiNative.Services.Models.Offline;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Tests.Models;

public sealed class OfflineEmbeddingGeneratorTests
{
    private readonly OfflineEmbeddingGenerator _generator = new(OfflineModels.EmbeddingModelId, tokens: new TokenCounter());

    [Fact]
    public void Embed_of_the_same_text_gives_the_same_unit_vector()
    {
        var first = _generator.Embed("Knowledge bases are searched with hybrid retrieval.");
        var second = _generator.Embed("Knowledge bases are searched with hybrid retrieval.");

        Assert.Equal(first, second);
        Assert.Equal(OfflineModels.EmbeddingDimensions, first.Length);
        Assert.Equal(1f, TensorPrimitives.Norm(first), 4);
    }

    [Fact]
    public void Embed_ranks_a_related_text_above_an_unrelated_one()
    {
        var query = _generator.Embed("How do I rotate the provider API key?");
        var related = _generator.Embed("Rotating an API key: open the provider and enter the new key.");
        var unrelated = _generator.Embed("The cafeteria serves soup on Tuesdays.");

        Assert.True(
            TensorPrimitives.CosineSimilarity(query, related) > TensorPrimitives.CosineSimilarity(query, unrelated) + 0.1f,
            "a text sharing words with the query must be closer than one sharing none");
    }

    [Fact]
    public void Embed_matches_word_forms_through_character_trigrams()
    {
        var plural = _generator.Embed("embeddings");
        var singular = _generator.Embed("embedding");
        var other = _generator.Embed("invoices");

        Assert.True(TensorPrimitives.CosineSimilarity(plural, singular) > TensorPrimitives.CosineSimilarity(plural, other));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("the and of")]
    public void Embed_of_text_without_content_words_is_the_zero_vector(string text)
    {
        Assert.All(_generator.Embed(text), value => Assert.Equal(0f, value));
    }

    [Fact]
    public async Task GenerateAsync_returns_one_embedding_per_input_with_token_usage()
    {
        var result = await _generator.GenerateAsync(["first text", "second text"], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Count);
        Assert.All(result, e => Assert.Equal(OfflineModels.EmbeddingDimensions, e.Vector.Length));
        Assert.True(result.Usage?.InputTokenCount > 0);
        Assert.Equal(OfflineModels.EmbeddingModelId, _generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);
    }
}

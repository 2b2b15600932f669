using System.Text;
using AiNative.Services.Knowledge;
using AiNative.Services.Knowledge.Extraction;
using AiNative.Services.Knowledge.Partitioning;
using AiNative.Services.Models;
using AiNative.Services.Models.Offline;
using BenchmarkDotNet.Attributes;

namespace AiNative.Bench.Knowledge;

/// <summary>
/// The CPU work of each ingestion step on 1 MB of Markdown, without the database: where the time
/// goes. The end-to-end figure (with SQLite, jobs and the in-memory index) is in <see cref="KnowledgeScenario"/>.
/// </summary>
[MemoryDiagnoser]
public class IngestionStepBenchmarks
{
    private const int DocumentBytes = 1024 * 1024;
    private readonly TokenCounter _tokens = new();
    private readonly OfflineEmbeddingGenerator _embedder = new(OfflineModels.EmbeddingModelId);
    private byte[] _markdown = [];
    private ExtractedDocument _extracted = null!;
    private IReadOnlyList<PartitionedChunk> _chunks = [];

    [GlobalSetup]
    public void Setup()
    {
        _markdown = Encoding.UTF8.GetBytes(SyntheticCorpus.Markdown(DocumentBytes));
        _extracted = Extract();
        _chunks = Partition();
    }

    [Benchmark]
    public ExtractedDocument Extract()
    {
        using var stream = new MemoryStream(_markdown);
        return new MarkdownExtractor().Extract(stream);
    }

    [Benchmark]
    public IReadOnlyList<PartitionedChunk> Partition() => new TextPartitioner(_tokens).Partition(_extracted, new PartitioningSettings());

    /// <summary>The floor of <see cref="Partition"/>: each paragraph's tokens counted once.</summary>
    [Benchmark]
    public int CountTokensOfEachParagraph() =>
        _extracted.Sections.SelectMany(section => section.Paragraphs).Sum(paragraph => _tokens.Count(paragraph.Trim()));

    [Benchmark]
    public int Embed()
    {
        var total = 0;
        foreach (var chunk in _chunks)
        {
            total += _embedder.Embed(chunk.Heading is null ? chunk.Text : $"{chunk.Heading}\n\n{chunk.Text}").Length;
        }

        return total;
    }
}

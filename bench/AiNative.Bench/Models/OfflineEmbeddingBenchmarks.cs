using AiNative.Services.Models.Offline;
using BenchmarkDotNet.Attributes;

namespace AiNative.Bench.Models;

/// <summary>The offline embedder bounds ingestion throughput when no provider is used.</summary>
[MemoryDiagnoser]
public class OfflineEmbeddingBenchmarks
{
    private readonly OfflineEmbeddingGenerator _generator = new(OfflineModels.EmbeddingModelId);
    private string _chunk = string.Empty;

    /// <summary>Characters per text: a short query and a typical 512-token chunk.</summary>
    [Params(64, 2048)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        const string sentence = "Knowledge bases are partitioned by headings and paragraphs, embedded, and searched with hybrid retrieval. ";
        _chunk = string.Concat(Enumerable.Repeat(sentence, (Length / sentence.Length) + 1))[..Length];
    }

    [Benchmark]
    public float[] Embed() => _generator.Embed(_chunk);
}

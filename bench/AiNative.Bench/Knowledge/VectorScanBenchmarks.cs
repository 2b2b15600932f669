using System.Numerics.Tensors;
using AiNative.Services.Knowledge.Search;
using BenchmarkDotNet.Attributes;

namespace AiNative.Bench.Knowledge;

/// <summary>
/// The exact top-10 scan over N vectors of 384 floats, and the bound it runs against: summing the
/// same number of bytes with SIMD, which is limited by this machine's memory bandwidth.
/// </summary>
[MemoryDiagnoser]
public class VectorScanBenchmarks
{
    private const int Dimensions = 384;
    private float[] _vectors = [];
    private float[] _query = [];

    [Params(10_000, 100_000, 1_000_000)]
    public int Chunks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _vectors = new float[Chunks * Dimensions];
        for (var i = 0; i < _vectors.Length; i++)
        {
            _vectors[i] = (float)(random.NextDouble() - 0.5);
        }

        _query = VectorMath.Normalized([.. Enumerable.Range(0, Dimensions).Select(_ => (float)(random.NextDouble() - 0.5))]);
    }

    [Benchmark]
    public int ScanTop10() => VectorScan.TopK(_vectors, Dimensions, _query, 10).Count;

    /// <summary>Reads the same bytes as the scan with the least work per byte: the memory-bandwidth baseline.</summary>
    [Benchmark(Baseline = true)]
    public float SumSameBytes() => TensorPrimitives.Sum(_vectors);
}

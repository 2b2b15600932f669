using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Models.Offline;

namespace AiNative.Bench.Knowledge;

/// <summary>
/// The vector search's scan alone, side by side in one run on the same vectors: the exact float32 scan
/// (<see cref="VectorScan"/>), the segment's search (4-bit pass on every core, float32 rescoring, as a search
/// runs it), and FAISS's exact IndexFlatIP (Debian's python3-faiss, through <c>faiss_flat.py</c>), with
/// the segment search's recall@10 (and @40) against the exact scan and whether FAISS found the same rows. The vectors
/// are the offline embedder's over Zipf text, as the knowledge scenario inserts.
/// Run: <c>dotnet run -c Release --project bench/AiNative.Bench -- vector-scan-scenario [100000 1000000] [--python /usr/bin/python3]</c>.
/// </summary>
public static class VectorScanScenario
{
    private const int Dimensions = OfflineModels.EmbeddingDimensions;
    private const int Queries = 100;
    private const int K = 10;

    /// <summary>What a search of top 10 asks the segment for (KnowledgeSearch's candidates).</summary>
    private const int SearchCandidates = 40;

    public static void Run(IReadOnlyList<int> sizes, string python)
    {
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        var embedder = new OfflineEmbeddingGenerator(OfflineModels.EmbeddingModelId);
        var corpus = new ZipfCorpus();
        var random = new Random(11);
        var queries = Enumerable.Range(0, Queries).Select(_ => embedder.Embed(corpus.Query(random, 3))).ToList();
        var folder = Directory.CreateTempSubdirectory("ainative-vectors").FullName;
        try
        {
            foreach (var size in sizes)
            {
                Measure(size, embedder, corpus, queries, folder, python);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Measure(int size, OfflineEmbeddingGenerator embedder, ZipfCorpus corpus, List<float[]> queries, string folder, string python)
    {
        var vectors = new float[(long)size * Dimensions];
        Parallel.For(0, size, row =>
        {
            var random = new Random(row);
            embedder.Embed($"{corpus.Sentence(random, 20)} {corpus.Sentence(random, 20)}").CopyTo(vectors.AsSpan(row * Dimensions, Dimensions));
        });

        var segment = new VectorSegment(Dimensions, size);
        var document = Guid.NewGuid();
        foreach (var rows in Enumerable.Range(0, size).Chunk(10_000))
        {
            segment.Append([.. rows.Select(row => new VectorRow(row, document, vectors.AsSpan(row * Dimensions, Dimensions).ToArray()))]);
        }

        Console.WriteLine($"{size:N0} vectors x {Dimensions} dims ({(long)size * Dimensions * sizeof(float) / 1e6:0} MB float32, {(long)size * QuantizedScan.BytesPerRow(Dimensions) / 1e6:0} MB of 4-bit codes); load average {File.ReadAllText("/proc/loadavg").Trim()}");
        var (exactTimes, exact) = Time(queries, query => VectorScan.TopK(vectors, Dimensions, query, K));
        Console.WriteLine($"  exact float32 scan, 1 core, top {K}:                   {LatencyStats.Of(exactTimes)}");

        var (searchTimes, found) = Time(queries, query => segment.Search(query, K, null));
        var recall = exact.Zip(found).Average(pair => pair.Second.Count(h => pair.First.Any(e => e.Slot == h.ChunkId)) / (double)K);
        Console.WriteLine($"  segment search (4-bit on {Environment.ProcessorCount} cores + rescoring), top {K}:  {LatencyStats.Of(searchTimes)}; recall@{K} against the exact scan {recall:0.0000}");
        var (candidateTimes, candidates) = Time(queries, query => segment.Search(query, SearchCandidates, null));
        var candidateRecall = queries.Zip(candidates).Average(pair =>
        {
            var exactCandidates = VectorScan.TopK(vectors, Dimensions, pair.First, SearchCandidates);
            return pair.Second.Count(h => exactCandidates.Any(e => e.Slot == h.ChunkId)) / (double)SearchCandidates;
        });
        Console.WriteLine($"  segment search, top {SearchCandidates} (a search's candidates):     {LatencyStats.Of(candidateTimes)}; recall@{SearchCandidates} {candidateRecall:0.0000}");

        var vectorsPath = Path.Combine(folder, "vectors.f32");
        var queriesPath = Path.Combine(folder, "queries.f32");
        var idsPath = Path.Combine(folder, "ids.i64");
        using (var file = File.Create(vectorsPath))
        {
            file.Write(MemoryMarshal.AsBytes(vectors.AsSpan()));
        }

        File.WriteAllBytes(queriesPath, MemoryMarshal.AsBytes(queries.SelectMany(q => q).ToArray().AsSpan()).ToArray());
        vectors = [];
        GC.Collect();
        var faiss = Process.Start(new ProcessStartInfo(python)
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Knowledge", "faiss_flat.py"), vectorsPath, queriesPath, Dimensions.ToString(CultureInfo.InvariantCulture), K.ToString(CultureInfo.InvariantCulture), idsPath },
            RedirectStandardOutput = true,
        })!;
        var output = faiss.StandardOutput.ReadToEnd();
        faiss.WaitForExit();
        if (faiss.ExitCode != 0)
        {
            Console.WriteLine($"  FAISS failed (exit {faiss.ExitCode}): is python3-faiss installed for {python}? Pass another with --python.");
            return;
        }

        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Console.WriteLine($"  {line}");
        }

        var faissIds = MemoryMarshal.Cast<byte, long>(File.ReadAllBytes(idsPath)).ToArray();
        var same = exact.Select((e, q) => e.Count(s => faissIds.AsSpan(q * K, K).Contains(s.Slot)) / (double)K).Average();
        Console.WriteLine($"  FAISS's top {K} against the exact scan's: {same:0.0000} the same rows; exact scan / FAISS median {LatencyStats.Of(exactTimes).MedianMs / MedianOf(output):0.00}");
    }

    private static (List<double> Times, List<T> Results) Time<T>(List<float[]> queries, Func<float[], T> search)
    {
        foreach (var query in queries.Take(5))
        {
            search(query);
        }

        var times = new List<double>();
        var results = new List<T>();
        foreach (var query in queries)
        {
            var started = Stopwatch.GetTimestamp();
            results.Add(search(query));
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return (times, results);
    }

    private static double MedianOf(string faissOutput)
    {
        var line = faissOutput.Split('\n')[0];
        var start = line.IndexOf("median", StringComparison.Ordinal) + "median".Length;
        return double.Parse(line[start..line.IndexOf("ms", start, StringComparison.Ordinal)].Trim(), CultureInfo.InvariantCulture);
    }
}

using AiNative.Bench.Knowledge;
using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project bench/AiNative.Bench -- --filter '*'
// Knowledge end to end: dotnet run -c Release --project bench/AiNative.Bench -- knowledge-scenario [--wal] [ingest | 10000 100000 1000000]
if (args is ["knowledge-scenario", .. var options])
{
    var wal = options.Contains("--wal");
    var sizes = options.Where(o => o != "--wal").ToArray();
    int[] scales = sizes switch
    {
        [] => [10_000, 100_000, 1_000_000],
        ["ingest"] => [],
        _ => [.. sizes.Select(int.Parse)],
    };
    await KnowledgeScenario.RunAsync(scales, wal);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

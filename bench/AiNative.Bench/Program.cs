using AiNative.Bench.Knowledge;
using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project bench/AiNative.Bench -- --filter '*'
// Knowledge end to end: dotnet run -c Release --project bench/AiNative.Bench -- knowledge-scenario [ingest | 10000 100000 1000000]
if (args is ["knowledge-scenario", .. var sizes])
{
    int[] scales = sizes switch
    {
        [] => [10_000, 100_000, 1_000_000],
        ["ingest"] => [],
        _ => [.. sizes.Select(int.Parse)],
    };
    await KnowledgeScenario.RunAsync(scales);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

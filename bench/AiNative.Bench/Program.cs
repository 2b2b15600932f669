using AiNative.Bench.Knowledge;
using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project bench/AiNative.Bench -- --filter '*'
// Knowledge end to end: dotnet run -c Release --project bench/AiNative.Bench -- knowledge-scenario 10000 100000 1000000
if (args is ["knowledge-scenario", .. var sizes])
{
    await KnowledgeScenario.RunAsync(sizes.Length == 0 ? [10_000, 100_000, 1_000_000] : [.. sizes.Select(int.Parse)]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

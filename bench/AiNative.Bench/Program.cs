using AiNative.Bench.Http;
using AiNative.Bench.Knowledge;
using AiNative.Bench.Platform;
using AiNative.Bench.Traces;
using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project bench/AiNative.Bench -- --filter '*'
// Knowledge end to end: dotnet run -c Release --project bench/AiNative.Bench -- knowledge-scenario [--wal] [ingest | 10000 100000 1000000]
// The same on PostgreSQL: bash bench/with-postgres.sh knowledge-scenario [ingest | 10000 100000]
// Knowledge ingestion through the portal's upload API (small files, large files, PDFs): dotnet run -c Release --project bench/AiNative.Bench -- api-ingestion-scenario; on PostgreSQL: bash bench/with-postgres.sh api-ingestion-scenario
// Vector scan beside FAISS (issue 11): exact float32, int8 + rescoring, FAISS IndexFlatIP, recall: dotnet run -c Release --project bench/AiNative.Bench -- vector-scan-scenario [100000 1000000] [--python /usr/bin/python3]
// Keyword search per base (issue 14): dotnet run -c Release --project bench/AiNative.Bench -- keyword-isolation-scenario [1000000]; on PostgreSQL: bash bench/with-postgres.sh keyword-isolation-scenario [1000000]
// Trace recording: dotnet run -c Release --project bench/AiNative.Bench -- recording-scenario [observations, 200000 by default]
// HTTP fixed cost: dotnet run -c Release --project bench/AiNative.Bench -- http-scenario [session] [search] [--clients 1,8] [--seconds 10] [--warmup 2] [--postgres <connection string>]
// The same on SQLite and PostgreSQL side by side: bash bench/with-postgres.sh http-scenario session search --clients 1,8
// Gateway overhead against a loopback mock: dotnet run -c Release --project bench/AiNative.Bench -- gateway-scenario [--clients 1,64] [--seconds 10] [--warmup 10] [--streams 500] [--delays 0,50,200] [--soak-minutes 10]
// Deterministic evaluators, scores per second per core (issue 9): dotnet run -c Release --project bench/AiNative.Bench -- evaluators-scenario [seconds per evaluator, 1 by default]
// Experiment runner (issue 9), cells/s against a provider answering in 200 ms: dotnet run -c Release --project bench/AiNative.Bench -- experiment-runner-scenario [cells, 2000 by default] [--concurrency 16] [--delay-ms 200]
// Results page of a large experiment (issue 9): dotnet run -c Release --project bench/AiNative.Bench -- results-page-scenario [items, 50000 by default: × 2 variants]
// Replicas on PostgreSQL (jobs claimed per second by 1 and 2): bash bench/with-postgres.sh replicas-scenario [jobs]
if (args is ["knowledge-scenario", .. var options])
{
    var wal = options.Contains("--wal");
    var postgres = options.SkipWhile(o => o != "--postgres").Skip(1).FirstOrDefault();
    var sizes = options.Where(o => o != "--wal").TakeWhile(o => o != "--postgres").ToArray();
    int[] scales = sizes switch
    {
        [] => [10_000, 100_000, 1_000_000],
        ["ingest"] => [],
        _ => [.. sizes.Select(int.Parse)],
    };
    await KnowledgeScenario.RunAsync(scales, wal, postgres);
    return;
}

if (args is ["vector-scan-scenario", .. var scanOptions])
{
    var python = scanOptions.SkipWhile(o => o != "--python").Skip(1).FirstOrDefault() ?? "/usr/bin/python3";
    var sizes = scanOptions.TakeWhile(o => o != "--python").Select(int.Parse).ToArray();
    VectorScanScenario.Run(sizes is [] ? [100_000, 1_000_000] : sizes, python);
    return;
}

if (args is ["api-ingestion-scenario", .. var apiIngestionOptions])
{
    await ApiIngestionScenario.RunAsync(apiIngestionOptions.SkipWhile(o => o != "--postgres").Skip(1).FirstOrDefault());
    return;
}

if (args is ["keyword-isolation-scenario", .. var isolationOptions])
{
    var postgres = isolationOptions.SkipWhile(o => o != "--postgres").Skip(1).FirstOrDefault();
    var large = isolationOptions.TakeWhile(o => o != "--postgres").ToArray() is [var count] ? int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
    await KeywordIsolationScenario.RunAsync(large, postgres);
    return;
}

if (args is ["recording-scenario", .. var recordingOptions])
{
    await RecordingScenario.RunAsync(recordingOptions is [var count] ? int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) : 200_000);
    return;
}

if (args is ["evaluators-scenario", .. var evaluatorOptions])
{
    var seconds = evaluatorOptions is [var value] ? double.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 1;
    await AiNative.Bench.Evaluation.EvaluatorsScenario.RunAsync(TimeSpan.FromSeconds(seconds));
    return;
}

if (args is ["experiment-runner-scenario", .. var runnerOptions])
{
    string? Option(string name) => runnerOptions.SkipWhile(o => o != name).Skip(1).FirstOrDefault();
    var cells = runnerOptions is [var first, ..] && !first.StartsWith("--", StringComparison.Ordinal) ? int.Parse(first, System.Globalization.CultureInfo.InvariantCulture) : 2_000;
    await AiNative.Bench.Experiments.ExperimentRunnerScenario.RunAsync(
        cells,
        int.Parse(Option("--concurrency") ?? "16", System.Globalization.CultureInfo.InvariantCulture),
        TimeSpan.FromMilliseconds(double.Parse(Option("--delay-ms") ?? "200", System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

if (args is ["results-page-scenario", .. var resultsOptions])
{
    await AiNative.Bench.Experiments.ResultsPageScenario.RunAsync(resultsOptions is [var count] ? int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) : 50_000);
    return;
}

if (args is ["replicas-scenario", .. var replicaOptions])
{
    var postgres = replicaOptions.SkipWhile(o => o != "--postgres").Skip(1).FirstOrDefault()
        ?? throw new ArgumentException("replicas-scenario needs --postgres <connection string>: run it with bench/with-postgres.sh.");
    var jobs = replicaOptions.TakeWhile(o => o != "--postgres").ToArray() is [var count] ? int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) : 2_000;
    await ReplicasScenario.RunAsync(postgres, jobs);
    return;
}

if (args is ["gateway-scenario", .. var gatewayOptions])
{
    string? Option(string name) => gatewayOptions.SkipWhile(o => o != name).Skip(1).FirstOrDefault();
    await AiNative.Bench.Gateway.GatewayScenario.RunAsync(
        [.. (Option("--clients") ?? "1,64").Split(',').Select(int.Parse)],
        TimeSpan.FromSeconds(double.Parse(Option("--warmup") ?? "10", System.Globalization.CultureInfo.InvariantCulture)),
        TimeSpan.FromSeconds(double.Parse(Option("--seconds") ?? "10", System.Globalization.CultureInfo.InvariantCulture)),
        int.Parse(Option("--streams") ?? "500", System.Globalization.CultureInfo.InvariantCulture),
        [.. (Option("--delays") ?? "0,50,200").Split(',').Select(int.Parse)],
        TimeSpan.FromMinutes(double.Parse(Option("--soak-minutes") ?? "0", System.Globalization.CultureInfo.InvariantCulture)));
    return;
}

if (args is ["http-scenario", .. var httpOptions])
{
    string? Option(string name) => httpOptions.SkipWhile(o => o != name).Skip(1).FirstOrDefault();
    var optionValues = new[] { "--clients", "--seconds", "--warmup", "--postgres" }.Select(Option).ToHashSet();
    var targets = httpOptions.Where(o => !o.StartsWith("--", StringComparison.Ordinal) && !optionValues.Contains(o)).ToList();
    await HttpScenario.RunAsync(
        targets is [] ? ["session", "search"] : targets,
        [.. (Option("--clients") ?? "8").Split(',').Select(int.Parse)],
        TimeSpan.FromSeconds(double.Parse(Option("--warmup") ?? "2", System.Globalization.CultureInfo.InvariantCulture)),
        TimeSpan.FromSeconds(double.Parse(Option("--seconds") ?? "10", System.Globalization.CultureInfo.InvariantCulture)),
        Option("--postgres"));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

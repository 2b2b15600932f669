using System.Diagnostics;
using AiNative.Services.Evaluation.Contexts;
using AiNative.Services.Evaluation.Deterministic;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Bench.Evaluation;

/// <summary>
/// Deterministic evaluators scoring synthetic experiment cells on one thread (so the figure is per core), each through
/// the <see cref="IEvaluator"/> contract as the experiment runner calls it: scores per second per evaluator, and for
/// the mix of all of them. The issue's target is 50,000 scores per second per core. Rates are per second of the
/// process's CPU time (one busy thread: a core's second), so a machine shared with other work still measures the
/// code; the wall-clock rate is printed beside it.
/// </summary>
public static class EvaluatorsScenario
{
    private const int Cells = 2_000;

    private static readonly string[] Words =
        "the order ships within two business days refunds are paid to the card used portal answer customer support invoice account team model prompt version label production"
            .Split(' ');

    public static async Task RunAsync(TimeSpan perEvaluator)
    {
        Console.WriteLine($"Deterministic evaluators on one thread, {Cells:N0} synthetic cells (answers of 15–40 words), {perEvaluator.TotalSeconds:0.#} s each ({Environment.ProcessorCount} cores on the machine)");
        var cells = Synthesize();
        var schema = JsonSchemaEvaluator.Read("""{"type":"object","properties":{"answer":{"type":"string"},"sources":{"type":"array"}},"required":["answer"]}""");
        IEvaluator[] evaluators =
        [
            new ExactMatchEvaluator("exact match", ignoreCase: true),
            new ContainsEvaluator("contains", "refund", ignoreCase: true, negate: false),
            new ContainsEvaluator("not contains", "as an AI", ignoreCase: true, negate: true),
            new RegexEvaluator("regex", @"\b(order|invoice)\b \w+", ignoreCase: true),
            new StartsWithEvaluator("starts with", "the", ignoreCase: true),
            new ValidJsonEvaluator("valid JSON"),
            new JsonSchemaEvaluator("JSON Schema", schema),
            new JsonFieldEqualsEvaluator("JSON field equals", JsonFieldPath.TryParse("$.answer", out _)!, null),
            new NumericToleranceEvaluator("numeric tolerance", "42", 0.5),
            new LevenshteinEvaluator("Levenshtein", 0.8, ignoreCase: false),
            new BleuEvaluator("BLEU", 0.3),
            new RougeLEvaluator("ROUGE-L", 0.5),
            new LatencyUnderEvaluator("latency under", TimeSpan.FromSeconds(2)),
            new CostUnderEvaluator("cost under", 0.01m),
            new LengthInRangeEvaluator("length in range", 20, 400),
        ];

        Console.WriteLine($"{"evaluator",-20} {"per CPU second",15} {"per wall second",16}");
        foreach (var evaluator in evaluators)
        {
            var (count, cpu, wall) = await MeasureAsync([evaluator], cells, perEvaluator);
            Console.WriteLine($"{evaluator.EvaluationMetricNames.Single(),-20} {count / cpu.TotalSeconds,15:N0} {count / wall.TotalSeconds,16:N0}");
        }

        var (mixed, mixedCpu, mixedWall) = await MeasureAsync(evaluators, cells, perEvaluator * 2);
        Console.WriteLine($"{"all 15, in turn",-20} {mixed / mixedCpu.TotalSeconds,15:N0} {mixed / mixedWall.TotalSeconds,16:N0}   (target ≥ 50,000 per core)");
    }

    private static async Task<(long Count, TimeSpan Cpu, TimeSpan Wall)> MeasureAsync(IEvaluator[] evaluators, (ChatMessage[] Messages, ChatResponse Response, EvaluationContext[] Contexts)[] cells, TimeSpan duration)
    {
        // Warm-up: JIT and the regex cache.
        foreach (var evaluator in evaluators)
        {
            await evaluator.EvaluateAsync(cells[0].Messages, cells[0].Response, null, cells[0].Contexts);
        }

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var count = 0L;
        while (clock.Elapsed < duration)
        {
            foreach (var (messages, response, contexts) in cells)
            {
                foreach (var evaluator in evaluators)
                {
                    await evaluator.EvaluateAsync(messages, response, null, contexts);
                    count++;
                }
            }
        }

        var wall = clock.Elapsed;
        process.Refresh();
        return (count, process.TotalProcessorTime - cpuBefore, wall);
    }

    private static (ChatMessage[] Messages, ChatResponse Response, EvaluationContext[] Contexts)[] Synthesize()
    {
        var random = new Random(7);
        string Sentence(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));
        return [.. Enumerable.Range(0, Cells).Select(i =>
        {
            var expected = Sentence(random.Next(15, 40));
            var output = i % 3 == 0 ? $$"""{"answer": "{{expected}}", "sources": [1]}""" : i % 3 == 1 ? expected : Sentence(random.Next(15, 40));
            EvaluationContext[] contexts = [new ExpectedOutputContext(expected), new CallMeasuresContext(TimeSpan.FromMilliseconds(random.Next(100, 3000)), 0.002m)];
            return (new[] { new ChatMessage(ChatRole.User, "Question " + i) }, new ChatResponse(new ChatMessage(ChatRole.Assistant, output)), contexts);
        })];
    }
}

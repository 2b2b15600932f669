using AiNative.Services.Prompts;
using AiNative.Services.Prompts.Templates;
using BenchmarkDotNet.Attributes;

namespace AiNative.Bench.Prompts;

/// <summary>
/// Rendering runs on every playground, experiment and gateway call that uses a prompt, so its cost
/// adds to each call's latency: a typical two-message template with three variables, analysed,
/// parsed by Semantic Kernel and rendered.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TemplateRenderingBenchmarks
{
    private readonly TemplateRenderer _renderer = new();

    private readonly PromptTemplates _templates = new(
        "You are the support assistant of {{$product}}.\n" +
        "Answer in at most three sentences, using only this context:\n" +
        "{{$context}}\n" +
        "If the context does not answer the question, say so.",
        "Question: {{$question}}",
        [
            new PromptVariable { Name = "product", DefaultValue = "AiNative Portal" },
            new PromptVariable { Name = "context", DefaultValue = string.Concat(Enumerable.Repeat("Labels point at one version of a prompt. ", 20)) },
            new PromptVariable { Name = "question" },
        ]);

    private readonly Dictionary<string, string?> _values = new() { ["question"] = "How do I promote a version to production?" };

    [Benchmark]
    public Task<RenderedPrompt> Render() => _renderer.RenderAsync(_templates, _values, CancellationToken.None);
}

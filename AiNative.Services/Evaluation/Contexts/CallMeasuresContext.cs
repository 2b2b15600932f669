using System.Globalization;
using Microsoft.Extensions.AI.Evaluation;

namespace AiNative.Services.Evaluation.Contexts;

/// <summary>What producing the response took: its latency and its cost in US dollars (null when the model has no price).</summary>
public sealed class CallMeasuresContext(TimeSpan latency, decimal? cost)
    : EvaluationContext(ContextName, string.Create(CultureInfo.InvariantCulture, $"latency {latency.TotalMilliseconds:0} ms, cost {(cost is { } c ? $"${c}" : "unknown")}"))
{
    public const string ContextName = "Call measures";

    public TimeSpan Latency { get; } = latency;

    public decimal? Cost { get; } = cost;
}

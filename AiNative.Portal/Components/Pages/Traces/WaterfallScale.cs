using System.Globalization;
using AiNative.Portal.Client.Contracts.Traces;

namespace AiNative.Portal.Components.Pages.Traces;

/// <summary>
/// Where an observation's bar sits on the trace's timeline: its start and length as percentages of the trace's
/// latency (or of the last observation's end, when an observation outlasted the trace as recorded).
/// </summary>
public sealed class WaterfallScale(double traceLatencyMs, IEnumerable<ObservationDto> observations)
{
    public double TotalMs { get; } = Math.Max(traceLatencyMs, observations.Select(o => o.StartOffsetMs + o.DurationMs).DefaultIfEmpty(0).Max());

    public double Left(ObservationDto observation) =>
        TotalMs <= 0 ? 0 : Math.Clamp(observation.StartOffsetMs / TotalMs * 100, 0, 100);

    public double Width(ObservationDto observation) =>
        TotalMs <= 0 ? 0 : Math.Clamp(observation.DurationMs / TotalMs * 100, 0, 100 - Left(observation));

    /// <summary>The bar's CSS position, e.g. <c>left: 10%; width: 50%</c>.</summary>
    public string Style(ObservationDto observation) =>
        $"left: {Percent(Left(observation))}%; width: {Percent(Width(observation))}%";

    private static string Percent(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}

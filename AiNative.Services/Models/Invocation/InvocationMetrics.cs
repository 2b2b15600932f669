using System.Diagnostics.Metrics;
using AiNative.Services.Platform.Telemetry;
using AiNative.Services.Traces;

namespace AiNative.Services.Models.Invocation;

/// <summary>
/// Cost, beside the GenAI semantic-convention metrics (<c>gen_ai.client.token.usage</c>,
/// <c>gen_ai.client.operation.duration</c>) that the OpenTelemetry chat client records.
/// </summary>
internal static class InvocationMetrics
{
    private static readonly Counter<double> Cost =
        PortalTelemetry.Meter.CreateCounter<double>("ainative.model.cost", "USD", "Cost of model calls from the registered prices");

    public static void RecordCost(ModelDefinition model, TraceSource source, decimal cost) =>
        Cost.Add((double)cost, new("gen_ai.request.model", model.ProviderModelId), new("ainative.source", source.ToString()));
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AiNative.Services.Traces;
using TraceSource = AiNative.Services.Traces.TraceSource;
using AiNative.Services.Models.Invocation;
using AiNative.Services.Models.Offline;
using AiNative.Services.Platform.Telemetry;
using AiNative.Testing;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Tests.Models;

[Collection(nameof(TelemetryCollection))]
public sealed class InvocationTelemetryTests : IAsyncLifetime
{
    private ServicesHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await ServicesHost.StartAsync();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_call_emits_genai_token_usage_and_duration_metrics_and_a_chat_span()
    {
        var measurements = new ConcurrentBag<(string Instrument, KeyValuePair<string, object?>[] Tags)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == PortalTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, _, tags, _) => measurements.Add((instrument.Name, tags.ToArray())));
        meters.SetMeasurementEventCallback<double>((instrument, _, tags, _) => measurements.Add((instrument.Name, tags.ToArray())));
        meters.SetMeasurementEventCallback<int>((instrument, _, tags, _) => measurements.Add((instrument.Name, tags.ToArray())));
        meters.Start();
        var spans = new ConcurrentBag<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PortalTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(activities);

        await using var scope = _host.InTeam(await _host.DemoTeamIdAsync());
        var model = await scope.OfflineModelAsync(OfflineModels.ChatModelId);
        await scope.Get<ModelInvoker>().InvokeAsync(
            new ChatInvocation
            {
                ModelId = model.Id,
                Messages = [new(ChatRole.System, "Metrics are recorded per call."), new(ChatRole.User, "What is recorded?")],
                Source = TraceSource.Playground,
            },
            TestContext.Current.CancellationToken);

        var names = measurements.Select(m => m.Instrument).ToHashSet();
        Assert.Contains("gen_ai.client.token.usage", names);
        Assert.Contains("gen_ai.client.operation.duration", names);
        Assert.Contains("ainative.model.cost", names);
        var usage = measurements.Where(m => m.Instrument == "gen_ai.client.token.usage").SelectMany(m => m.Tags).ToList();
        Assert.Contains(usage, t => t.Key == "gen_ai.token.type" && (string?)t.Value == "input");
        Assert.Contains(usage, t => t.Key == "gen_ai.request.model" && (string?)t.Value == OfflineModels.ChatModelId);
        var span = Assert.Single(spans, s => s.DisplayName.StartsWith("chat", StringComparison.Ordinal));
        Assert.Equal("chat", span.GetTagItem("gen_ai.operation.name"));
        Assert.Null(span.GetTagItem("gen_ai.input.messages"));
    }
}

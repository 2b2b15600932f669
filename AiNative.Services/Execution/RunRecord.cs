using System.Text.Json;
using AiNative.Services.Traces;

namespace AiNative.Services.Execution;

/// <summary>A prompt run as its trace recorded it: the trace, and its observations in the order they started.</summary>
public sealed record RunRecord(Trace Trace, IReadOnlyList<Observation> Observations)
{
    /// <summary>What the run started from; empty when the team's privacy setting kept no input.</summary>
    public PlaygroundInput Input => Trace.Input is { } json ? Parse(json) : new PlaygroundInput();

    /// <summary>The messages sent to the model, from the run's generation.</summary>
    public IReadOnlyList<TraceMessage> Messages =>
        TraceMessages.Parse(Observations.FirstOrDefault(o => o.Type == ObservationType.Generation)?.Input ?? RenderedMessages);

    /// <summary>The render step keeps the messages too, for a run whose model call never started.</summary>
    private string? RenderedMessages => Observations.FirstOrDefault(o => o.Name == ObservationNames.Render)?.Output;

    private static PlaygroundInput Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<PlaygroundInput>(json, TraceJson.Options) ?? new PlaygroundInput();
        }
        catch (JsonException)
        {
            return new PlaygroundInput();
        }
    }
}

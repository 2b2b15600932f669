using System.Text.Json;
using System.Text.Json.Nodes;
using AiNative.Services.Execution;
using AiNative.Services.Traces;

namespace AiNative.Services.Datasets.FromTraces;

/// <summary>
/// What an item made from a trace holds. A prompt run (playground or experiment) gives its variables, except the
/// one its knowledge base filled (an experiment retrieves again); a gateway request gives its messages as the
/// <c>messages</c> variable; another trace gives its input object's properties, or its input as <c>input</c>
/// (<c>question</c> for a knowledge answer).
/// </summary>
internal static class TraceItemContent
{
    public const string MessagesVariable = "messages";

    public const string InputVariable = "input";

    /// <summary>A knowledge answer's input is its question.</summary>
    public const string QuestionVariable = "question";

    public static ItemContent From(Trace trace, bool outputAsExpected) => new()
    {
        Variables = Variables(trace),
        ExpectedOutput = outputAsExpected ? trace.Output : null,
        Metadata = Metadata(trace),
    };

    private static JsonObject Variables(Trace trace)
    {
        var input = Parse(trace.Input);
        if (trace.Source is TraceSource.Playground or TraceSource.Experiment && input is JsonObject)
        {
            var run = new RunRecord(trace, []).Input;
            var filled = run.Retrieval?.ContextVariable;
            return new JsonObject(run.Variables
                .Where(v => !string.Equals(v.Name, filled, StringComparison.OrdinalIgnoreCase))
                .Select(v => KeyValuePair.Create(v.Name, (JsonNode?)JsonValue.Create(v.Value))));
        }

        return input switch
        {
            JsonArray messages when trace.Source == TraceSource.Gateway || IsMessages(messages) => new JsonObject { [MessagesVariable] = messages },
            JsonObject properties => properties,
            _ => new JsonObject { [trace.Source == TraceSource.Knowledge ? QuestionVariable : InputVariable] = trace.Input },
        };
    }

    private static JsonObject Metadata(Trace trace)
    {
        var metadata = new JsonObject
        {
            ["trace_id"] = trace.Id.ToString(),
            ["source"] = trace.Source.ToString(),
        };
        if (trace.PromptName is { } prompt)
        {
            metadata["prompt"] = trace.PromptVersion is { } version ? $"{prompt} v{version}" : prompt;
        }

        if (trace.ModelName is { } model)
        {
            metadata["model"] = model;
        }

        return metadata;
    }

    private static bool IsMessages(JsonArray array) =>
        array.Count > 0 && array.All(m => m is JsonObject message && message.ContainsKey("role") && message.ContainsKey("content"));

    private static JsonNode? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

namespace AiNative.Services.Traces;

/// <summary>What an observation inside a trace records.</summary>
public enum ObservationType
{
    /// <summary>A chat model call: model, settings, messages, usage, cost, time to first token.</summary>
    Generation = 1,

    /// <summary>An embedding model call.</summary>
    Embedding = 2,

    /// <summary>A knowledge search: query, hits and their scores.</summary>
    Retrieval = 3,

    /// <summary>A prompt template rendered to messages.</summary>
    Render = 4,

    ToolCall = 5,

    /// <summary>Any other timed step, often the parent of others.</summary>
    Span = 6,
}

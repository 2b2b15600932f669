namespace AiNative.Services.Runs;

/// <summary>
/// The steps a run's trace records, in the order they happen. A retrieval step (a knowledge base
/// filling a context variable) records <see cref="Retrieve"/> between rendering and the model call.
/// </summary>
public static class SpanNames
{
    public const string Render = "render";

    public const string Retrieve = "retrieve";

    public const string ModelCall = "model call";
}

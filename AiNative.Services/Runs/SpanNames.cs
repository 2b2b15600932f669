namespace AiNative.Services.Runs;

/// <summary>
/// The steps a run's trace records. A prompt that draws on a knowledge base records
/// <see cref="Retrieve"/> first, since rendering needs the context it finds; then every run records
/// <see cref="Render"/> and <see cref="ModelCall"/>.
/// </summary>
public static class SpanNames
{
    public const string Retrieve = "retrieve";

    public const string Render = "render";

    public const string ModelCall = "model call";
}

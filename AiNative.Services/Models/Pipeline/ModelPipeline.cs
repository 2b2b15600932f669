using Microsoft.Extensions.AI;

namespace AiNative.Services.Models.Pipeline;

/// <summary>
/// The clients one model is called through, built once: recording outermost, then OpenTelemetry, then
/// the provider's failures in the portal's words, then the provider's own client. The gateway's routing,
/// fallback, caching and budgets join as further links around it.
/// </summary>
internal sealed record ModelPipeline(
    DateTimeOffset BuiltAt,
    IChatClient? Chat,
    IEmbeddingGenerator<string, Embedding<float>>? Embeddings);

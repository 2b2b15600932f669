using Microsoft.Extensions.AI;

namespace AiNative.Services.Models.Invocation;

/// <summary>A chat call to a registered model of the current team.</summary>
public sealed record ChatInvocation
{
    public required Guid ModelId { get; init; }

    public required IReadOnlyList<ChatMessage> Messages { get; init; }

    /// <summary>Settings of this call; unset values come from the model's defaults.</summary>
    public GenerationSettings Settings { get; init; } = new();

    public required InvocationSource Source { get; init; }

    /// <summary>
    /// The id the call's <see cref="ModelCall"/> record takes, for a caller that must know it even when the
    /// call fails or is cancelled; null lets the invoker choose. Each call needs its own: a copy made with
    /// <c>with</c> keeps it.
    /// </summary>
    public Guid? CallId { get; init; }
}

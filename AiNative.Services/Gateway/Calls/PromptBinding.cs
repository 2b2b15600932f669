using AiNative.Services.Models;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Gateway.Calls;

/// <summary>
/// A prompt used as a model (<c>prompt:name@label</c>): the version the label points at now, its messages
/// rendered with the request's variables, and its settings, which the request's own settings override.
/// </summary>
public sealed record PromptBinding(Guid PromptId, string PromptName, int Version, IReadOnlyList<ChatMessage> Messages, GenerationSettings Settings);

using AiNative.Services.Models;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Gateway.Calls;

/// <summary>
/// A prompt used as a model or a route's target (<c>prompt:name@label</c>, <c>prompt:name#3</c>): the version the
/// reference points at now, its messages rendered with the request's variables, and its settings, which the request's
/// own settings override.
/// </summary>
public sealed record PromptBinding(Guid PromptId, string PromptName, Guid VersionId, int Version, IReadOnlyList<ChatMessage> Messages, GenerationSettings Settings);

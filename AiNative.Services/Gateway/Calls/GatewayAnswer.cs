using AiNative.Services.Models.Invocation;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Gateway.Calls;

/// <summary>What the gateway answered a request with, and how: the route, the target that answered (and the prompt version it ran), every attempt, the cache.</summary>
public sealed record GatewayAnswer(
    Guid TraceId,
    string Name,
    string? Route,
    string Target,
    int? PromptVersion,
    IReadOnlyList<GatewayAttempt> Attempts,
    bool CacheHit,
    string Text,
    IReadOnlyList<FunctionCallContent> ToolCalls,
    string? FinishReason,
    TokenUsage Usage);

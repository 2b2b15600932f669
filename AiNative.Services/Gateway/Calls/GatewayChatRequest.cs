using AiNative.Services.Models;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Gateway.Calls;

/// <summary>A chat completion an application asked the gateway for, read from OpenAI's wire format.</summary>
public sealed record GatewayChatRequest
{
    /// <summary>What the application sent as <c>model</c>: a route, a model of the team, or <c>prompt:name@label</c>.</summary>
    public required string Model { get; init; }

    public required IReadOnlyList<ChatMessage> Messages { get; init; }

    public GenerationSettings Settings { get; init; } = new();

    public IReadOnlyList<AITool> Tools { get; init; } = [];

    public ChatToolMode? ToolMode { get; init; }

    public ChatResponseFormat? ResponseFormat { get; init; }

    public IReadOnlyList<string> StopSequences { get; init; } = [];

    /// <summary>The application's end user (<c>user</c>): keeps them on one side of an A/B split, and is kept with the trace.</summary>
    public string? EndUser { get; init; }

    /// <summary>Values of a prompt's variables, for a request whose model is <c>prompt:name@label</c> (the body's <c>variables</c>).</summary>
    public IReadOnlyDictionary<string, string?> Variables { get; init; } = new Dictionary<string, string?>();

    /// <summary>
    /// A digest of everything that decides the answer, for the response cache; null when the caller bypasses it.
    /// Computed on first use, so requests on routes without a cache never pay for it.
    /// </summary>
    public string? CacheKey => _cacheKey?.Value;

    /// <summary>How to compute <see cref="CacheKey"/> (null: the caller bypasses the cache); read while the request's body is still at hand.</summary>
    public Func<string>? CacheKeyOf
    {
        init => _cacheKey = value is null ? null : new Lazy<string>(value, LazyThreadSafetyMode.None);
    }

    private readonly Lazy<string>? _cacheKey;
}

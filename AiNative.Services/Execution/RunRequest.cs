using AiNative.Services.Models;
using AiNative.Services.Prompts;
using AiNative.Services.Prompts.Retrieval;
using AiNative.Services.Traces;
using Microsoft.Extensions.AI;

namespace AiNative.Services.Execution;

/// <summary>
/// What to run: a saved version of a prompt (<see cref="PromptId"/> and <see cref="PromptVersion"/>),
/// or ad-hoc templates; the values of its variables; a model and settings.
/// </summary>
public sealed record RunRequest
{
    public required Guid ModelId { get; init; }

    public Guid? PromptId { get; init; }

    public int? PromptVersion { get; init; }

    public string? SystemTemplate { get; init; }

    public string? UserTemplate { get; init; }

    /// <summary>Defaults of the ad-hoc templates' variables; a saved version brings its own.</summary>
    public IReadOnlyList<PromptVariable> Variables { get; init; } = [];

    public IReadOnlyDictionary<string, string?> Values { get; init; } = new Dictionary<string, string?>();

    /// <summary>Unset values come from the model's defaults.</summary>
    public GenerationSettings Settings { get; init; } = new();

    /// <summary>A structured answer to ask for (a judge's JSON Schema); wins over the settings' text or JSON.</summary>
    public ChatResponseFormat? ResponseFormat { get; init; }

    /// <summary>A knowledge base to fill a variable of the ad-hoc templates from; a saved version brings its own.</summary>
    public RetrievalSettings? Retrieval { get; init; }

    /// <summary>Who runs it: the playground, an experiment, the gateway.</summary>
    public TraceSource Source { get; init; } = TraceSource.Playground;

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? SessionId { get; init; }
}

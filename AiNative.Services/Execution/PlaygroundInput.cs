using AiNative.Services.Models;
using AiNative.Services.Prompts.Retrieval;

namespace AiNative.Services.Execution;

/// <summary>What a prompt run started from, kept as its trace's input so the run can be opened again as it was.</summary>
public sealed record PlaygroundInput
{
    public string SystemTemplate { get; init; } = string.Empty;

    public string UserTemplate { get; init; } = string.Empty;

    public List<RunVariable> Variables { get; init; } = [];

    /// <summary>The settings sent: the run's own, then the version's, then the model's defaults.</summary>
    public GenerationSettings Settings { get; init; } = new();

    public RetrievalSettings? Retrieval { get; init; }
}

using AiNative.Services.Models;
using AiNative.Services.Prompts.Retrieval;
using AiNative.Services.Teams;

namespace AiNative.Services.Prompts;

/// <summary>
/// One saved state of a prompt. Versions are immutable (every property is init-only): a change
/// is a new version with the next number, so a label or an experiment always means the same text.
/// </summary>
public sealed class PromptVersion : ITeamOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    public Guid PromptId { get; init; }

    public Prompt Prompt { get; init; } = null!;

    /// <summary>1 for the first version of a prompt, then 2, 3, …</summary>
    public int Number { get; init; }

    /// <summary>The system message in Semantic Kernel's template syntax (<c>{{$variable}}</c>).</summary>
    public required string SystemTemplate { get; init; }

    /// <summary>The user message in Semantic Kernel's template syntax.</summary>
    public required string UserTemplate { get; init; }

    /// <summary>The variables both templates use, in order of first use, with their defaults.</summary>
    public List<PromptVariable> Variables { get; init; } = [];

    public Guid? ModelId { get; init; }

    public ModelDefinition? Model { get; init; }

    public GenerationSettings Settings { get; init; } = new();

    /// <summary>The knowledge base that fills a context variable when the version runs; null when it retrieves nothing.</summary>
    public RetrievalSettings? Retrieval { get; init; }

    public required string CommitMessage { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The name of the person (or "system") who saved it.</summary>
    public required string CreatedBy { get; init; }
}

using AiNative.Services.Models;
using AiNative.Services.Teams;

namespace AiNative.Services.Experiments;

/// <summary>
/// One column of an experiment: a prompt version (picked by number, or by a label resolved when the experiment was
/// created), the model it runs on (the version's or an override) and settings over the version's. Immutable.
/// </summary>
public sealed class ExperimentVariant : ITeamOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    public Guid ExperimentId { get; init; }

    /// <summary>0 for the first column, then 1, 2, …</summary>
    public int Position { get; init; }

    /// <summary>Given, or made from the prompt version and model when the experiment is created; unique in the experiment.</summary>
    public required string Name { get; set; }

    public bool IsBaseline { get; init; }

    public Guid PromptId { get; init; }

    public required string PromptName { get; init; }

    public int PromptVersion { get; init; }

    /// <summary>The label the version was chosen by, when it was.</summary>
    public string? PromptLabel { get; init; }

    public Guid ModelId { get; init; }

    public required string ModelName { get; init; }

    /// <summary>Whether the model was chosen for the variant rather than taken from the version.</summary>
    public bool ModelOverridden { get; init; }

    /// <summary>The model's provider: runners bound the calls in flight per provider.</summary>
    public Guid ProviderId { get; init; }

    /// <summary>The settings sent: the variant's overrides over the version's.</summary>
    public GenerationSettings Settings { get; init; } = new();
}

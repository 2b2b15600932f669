using AiNative.Services.Teams;

namespace AiNative.Services.Evaluation.Definitions;

/// <summary>One saved state of an evaluator definition: what it checks and how. Immutable.</summary>
public sealed class EvaluatorVersion : ITeamOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    public Guid DefinitionId { get; init; }

    public EvaluatorDefinition Definition { get; init; } = null!;

    /// <summary>1 for the first version, then 2, 3, …</summary>
    public int Number { get; init; }

    public EvaluatorKind Kind { get; init; }

    public EvaluatorSettings Settings { get; init; } = new();

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The name of the person who saved it.</summary>
    public required string CreatedBy { get; init; }
}

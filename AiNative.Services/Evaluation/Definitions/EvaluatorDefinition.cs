using AiNative.Services.Data;
using AiNative.Services.Teams;

namespace AiNative.Services.Evaluation.Definitions;

/// <summary>
/// An evaluator a team keeps, by name. Its kind and settings live in immutable versions: a change makes the next
/// version, so an experiment that pinned one keeps meaning the same check.
/// </summary>
public sealed class EvaluatorDefinition : ITeamOwned, IUniquelyNamed
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The number of the newest version.</summary>
    public int LatestVersion { get; set; }

    public List<EvaluatorVersion> Versions { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}

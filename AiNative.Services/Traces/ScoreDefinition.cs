using AiNative.Services.Data;
using AiNative.Services.Teams;

namespace AiNative.Services.Traces;

/// <summary>
/// A score a team collects: its name and type, and the range or categories a value must keep to, so
/// that scores from people, evaluators and applications can be compared.
/// </summary>
public sealed class ScoreDefinition : ITeamOwned, IUniquelyNamed
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    public ScoreDataType DataType { get; set; }

    public double? Minimum { get; set; }

    public double? Maximum { get; set; }

    /// <summary>The allowed values of a categorical score.</summary>
    public List<string> Categories { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}

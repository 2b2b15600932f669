using AiNative.Services.Data;
using AiNative.Services.Teams;

namespace AiNative.Services.Prompts;

/// <summary>A named prompt of a team: its immutable versions and the labels that point at them.</summary>
public sealed class Prompt : ITeamOwned, IUniquelyNamed
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    /// <summary>Unique in the team.</summary>
    public required string Name { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The last change: a rename, a new version or a label move.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public List<PromptVersion> Versions { get; set; } = [];

    public List<PromptLabel> Labels { get; set; } = [];
}

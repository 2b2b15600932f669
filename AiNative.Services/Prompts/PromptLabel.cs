using AiNative.Services.Teams;

namespace AiNative.Services.Prompts;

/// <summary>
/// A name such as <c>production</c> that points at one version of a prompt; applications ask for
/// the label, so moving it promotes a version without a deploy.
/// </summary>
public sealed class PromptLabel : ITeamOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    public Guid PromptId { get; set; }

    public Prompt Prompt { get; set; } = null!;

    /// <summary>Unique per prompt; see <see cref="LabelNames"/>.</summary>
    public required string Name { get; set; }

    public Guid VersionId { get; set; }

    public PromptVersion Version { get; set; } = null!;

    public DateTimeOffset UpdatedAt { get; set; }
}

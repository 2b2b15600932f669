using AiNative.Services.Traces;

namespace AiNative.Services.Teams;

public sealed class Team
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    /// <summary>Lower-case, URL-safe, unique; shown in the team switcher and used in links.</summary>
    public required string Slug { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>How much content the team's traces keep; set by its owners.</summary>
    public TracePrivacy TracePrivacy { get; set; } = TracePrivacy.Full;

    public List<TeamMembership> Members { get; set; } = [];
}

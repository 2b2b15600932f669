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

    /// <summary>After how many days traces lose their content (inputs, messages, outputs); null keeps it. The numbers stay.</summary>
    public int? TraceContentRetentionDays { get; set; }

    /// <summary>Requests per minute all of the team's gateway keys together may send; null for no limit.</summary>
    public int? GatewayRequestsPerMinute { get; set; }

    /// <summary>Tokens per minute all of the team's gateway keys together may use; null for no limit.</summary>
    public int? GatewayTokensPerMinute { get; set; }

    public List<TeamMembership> Members { get; set; } = [];
}

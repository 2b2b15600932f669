using AiNative.Services.Teams;

namespace AiNative.Services.Gateway.Keys;

/// <summary>
/// A key a team's application presents to the gateway's <c>/v1</c> endpoint: separate from personal access
/// tokens, owned by the team rather than a person, and limited to the routes and models it names, a rate
/// and a budget. Only the SHA-256 of the secret is stored; the secret is shown once.
/// </summary>
public sealed class GatewayKey : ITeamOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    public required string Name { get; set; }

    public required string SecretHash { get; set; }

    public required string DisplayPrefix { get; set; }

    /// <summary>Route and model names the key may call; empty allows every route and chat model of the team.</summary>
    public List<string> AllowedModels { get; set; } = [];

    public int? RequestsPerMinute { get; set; }

    public int? TokensPerMinute { get; set; }

    /// <summary>Most the key may spend per UTC day, in USD.</summary>
    public decimal? DailyBudget { get; set; }

    /// <summary>Most the key may spend per UTC calendar month, in USD.</summary>
    public decimal? MonthlyBudget { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

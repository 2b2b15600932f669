using AiNative.Services.Data;
using AiNative.Services.Teams;

namespace AiNative.Services.Gateway.Routes;

/// <summary>
/// A name applications use as <c>model</c>: its targets share the traffic by weight (A/B tests and canaries,
/// sticky per end user), and its fallbacks are tried in order when the chosen target fails. A change counts
/// on the next request: routes are read from the database for each one.
/// </summary>
public sealed class GatewayRoute : ITeamOwned, IUniquelyNamed
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid TeamId { get; set; }

    public required string Name { get; set; }

    public List<RouteTarget> Targets { get; set; } = [];

    /// <summary>Models tried in this order after the chosen target failed.</summary>
    public List<Guid> Fallbacks { get; set; } = [];

    /// <summary>How long one attempt may take before it counts as failed and the next is tried.</summary>
    public int TimeoutSeconds { get; set; } = GatewayRoutes.DefaultTimeoutSeconds;

    /// <summary>Retries of the same model, after a pause, before moving on to the next.</summary>
    public int RetriesPerTarget { get; set; } = 1;

    /// <summary>How long an identical request is answered from the cache; 0 turns the cache off.</summary>
    public int CacheSeconds { get; set; }

    public RouteGuard Guard { get; set; }

    public string? JsonSchema { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

using AiNative.Services.Teams;

namespace AiNative.Services.Gateway.Keys;

/// <summary>The application behind a gateway request: its key's team, name, what it may call, its limits and its team's.</summary>
public sealed record GatewayCaller(
    Guid KeyId,
    string KeyName,
    Guid TeamId,
    string TeamName,
    IReadOnlyList<string> AllowedModels,
    int? RequestsPerMinute,
    int? TokensPerMinute,
    decimal? DailyBudget,
    decimal? MonthlyBudget,
    GatewayTeamLimits TeamLimits)
{
    /// <summary>Gateway calls run in the key's team with a viewer's rights: they call models and change nothing.</summary>
    public TeamAccess Access => new(TeamId, TeamName, TeamRole.Viewer, new Actor(null, $"gateway key {KeyName}"));

    public bool MayCall(string model) => AllowedModels.Count == 0 || AllowedModels.Contains(model, StringComparer.Ordinal);
}

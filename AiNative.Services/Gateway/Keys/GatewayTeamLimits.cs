namespace AiNative.Services.Gateway.Keys;

/// <summary>What all of a team's gateway keys together may send per minute; null for no limit.</summary>
public sealed record GatewayTeamLimits(int? RequestsPerMinute, int? TokensPerMinute)
{
    public static GatewayTeamLimits None { get; } = new(null, null);
}

namespace AiNative.Portal.Client.Contracts.Gateway;

/// <summary>What all of the team's gateway keys together may send per minute; null for no limit.</summary>
public sealed record GatewayTeamLimitsDto(int? RequestsPerMinute, int? TokensPerMinute);

namespace AiNative.Portal.Client.Contracts.Gateway;

/// <summary>A key just created, with its secret: shown this once.</summary>
public sealed record CreatedGatewayKeyDto(GatewayKeyDto Key, string Secret);

namespace AiNative.Services.Gateway.Keys;

/// <summary>A key just created: the only time its secret is shown.</summary>
public sealed record CreatedGatewayKey(GatewayKeyInfo Key, string Secret);

namespace AiNative.Services.Gateway.Keys;

/// <summary>What a presented gateway key is worth: the caller, or why it is refused.</summary>
public sealed record GatewayKeyCheck(GatewayCaller? Caller, string? Refusal)
{
    public static GatewayKeyCheck Refused(string reason) => new(null, reason);
}

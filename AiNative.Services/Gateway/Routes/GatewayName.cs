namespace AiNative.Services.Gateway.Routes;

/// <summary>What a model name stands for in a team: a route, a chat model's id, or neither. Treat the route as read-only: it is shared.</summary>
public sealed record GatewayName(GatewayRoute? Route, Guid? ModelId)
{
    public static GatewayName Unknown { get; } = new(null, null);
}

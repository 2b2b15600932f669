namespace AiNative.Services.Gateway.Routes;

/// <summary>A model a route sends a share of its traffic to: <paramref name="Weight"/> out of the sum of its targets' weights.</summary>
public sealed record RouteTarget(Guid ModelId, int Weight);

namespace AiNative.Portal.Client.Contracts.Gateway;

/// <summary>A model that gets <paramref name="Weight"/> out of the sum of a route's weights.</summary>
public sealed record RouteTargetDto(Guid ModelId, int Weight);

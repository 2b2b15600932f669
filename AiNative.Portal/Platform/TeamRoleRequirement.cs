using AiNative.Services.Teams;

namespace AiNative.Portal.Platform;

/// <summary>
/// Endpoint metadata: the least role the endpoint needs in its team. Without it, reads need
/// Viewer and changes need Editor.
/// </summary>
public sealed record TeamRoleRequirement(TeamRole Role)
{
    public static TeamRole For(Endpoint? endpoint, string method) =>
        endpoint?.Metadata.GetMetadata<TeamRoleRequirement>()?.Role
        ?? (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? TeamRole.Viewer : TeamRole.Editor);
}

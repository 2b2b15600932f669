namespace AiNative.Portal.Platform;

/// <summary>
/// Endpoint metadata: the endpoint belongs to a team group, so only that team's members reach it
/// (others get 404) with the role of its <see cref="TeamRoleRequirement"/>. The authorization
/// matrix test reads it to know what each caller must be answered.
/// </summary>
public sealed class TeamScopedEndpoint
{
    public static TeamScopedEndpoint Instance { get; } = new();

    private TeamScopedEndpoint()
    {
    }
}

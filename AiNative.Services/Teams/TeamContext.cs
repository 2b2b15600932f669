using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Teams;

/// <summary>
/// The team of the current scope (an HTTP request, a Blazor circuit, or a background job).
/// The portal enters it once, after it has checked the caller's membership; services read it
/// and check the role an action needs.
/// </summary>
public sealed class TeamContext
{
    private TeamAccess? _access;

    public bool IsEntered => _access is not null;

    public TeamAccess Access => _access ?? throw new InvalidOperationException(
        "No team is selected for this operation; enter a TeamContext before using team services.");

    public Guid TeamId => Access.TeamId;

    public Actor Actor => Access.Actor;

    public TeamRole Role => Access.Role;

    /// <summary>The team id for query filters: <see cref="Guid.Empty"/> (matching nothing) until a team is entered.</summary>
    public Guid TeamIdOrEmpty => _access?.TeamId ?? Guid.Empty;

    public void Enter(TeamAccess access)
    {
        if (_access is not null && _access.TeamId != access.TeamId)
        {
            throw new InvalidOperationException("A scope works in one team; create a new scope for another team.");
        }

        _access = access;
    }

    public bool Allows(TeamRole role) => _access is not null && _access.Role >= role;

    /// <summary>Throws a clear "not allowed" when the caller's role is below <paramref name="role"/>.</summary>
    public void Require(TeamRole role)
    {
        if (!Allows(role))
        {
            var current = _access?.Role.ToString() ?? "not a member";
            throw new ForbiddenException(
                $"This needs the {role} role in team '{_access?.TeamName}'; you are {current}. Ask a team owner for access.");
        }
    }
}

namespace AiNative.Portal.Client.Contracts.Session;

/// <summary>Who is signed in, which teams they belong to, and the team they are working in.</summary>
public sealed record SessionDto(
    Guid UserId,
    string DisplayName,
    string Email,
    bool IsAdministrator,
    TeamSummaryDto? CurrentTeam,
    IReadOnlyList<TeamSummaryDto> Teams)
{
    /// <summary>True when the user's role in the current team is at least <paramref name="role"/>.</summary>
    public bool Can(TeamRoleDto role) => CurrentTeam is not null && CurrentTeam.Role >= role;
}

namespace AiNative.Portal.Client.Contracts.Session;

/// <summary>The signed-in user's session; also selects the team the portal works in.</summary>
public interface ISessionApi
{
    Task<SessionDto> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Makes <paramref name="teamId"/> the current team; the caller reloads the page.</summary>
    Task SwitchTeamAsync(Guid teamId, CancellationToken cancellationToken = default);
}

using AiNative.Services.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Testing;

public static class ServiceProviderExtensions
{
    /// <summary>A scope that has not entered any team, as a request before access is decided.</summary>
    public static TeamScope CreateAsyncScopeWithoutTeam(this IServiceProvider services) => new(services.CreateAsyncScope());

    /// <summary>A scope working in <paramref name="teamId"/> with <paramref name="role"/>, as a member named "Test User".</summary>
    public static TeamScope InTeam(this IServiceProvider services, Guid teamId, TeamRole role = TeamRole.Owner)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TeamContext>().Enter(new TeamAccess(teamId, "Test team", role, new Actor(null, "Test User")));
        return new TeamScope(scope);
    }
}

using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Testing;

public static class ServiceProviderExtensions
{
    /// <summary>A scope that has not entered any team, as a request before access is decided.</summary>
    public static TeamScope CreateAsyncScopeWithoutTeam(this IServiceProvider services) => new(services.CreateAsyncScope());
}

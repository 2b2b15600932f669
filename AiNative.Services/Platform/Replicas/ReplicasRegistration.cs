using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Platform.Replicas;

public static class ReplicasRegistration
{
    /// <summary>
    /// Call right after the database initializer: the listener then hears everything published after the
    /// start, and since hosted services stop in reverse order the notifier stops last, sending what the
    /// others published as they stopped.
    /// </summary>
    public static IServiceCollection AddReplicas(this IServiceCollection services)
    {
        services.AddSingleton<ReplicaChannel>();
        services.AddHostedService<ReplicaListener>();
        services.AddHostedService<ReplicaNotifier>();
        return services;
    }
}

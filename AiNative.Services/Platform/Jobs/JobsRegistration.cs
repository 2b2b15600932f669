using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Platform.Jobs;

public static class JobsRegistration
{
    // A CancellationTokenSource's timer runs at most uint.MaxValue - 1 milliseconds (about 49.7 days).
    private static readonly TimeSpan LongestTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>()
            .BindConfiguration(JobOptions.Section)
            .Validate(o => o.Workers >= 0, $"{JobOptions.Section}:Workers must be 0 or more.")
            .Validate(o => o.LeaseDuration >= TimeSpan.FromSeconds(1), $"{JobOptions.Section}:LeaseDuration must be at least 00:00:01.")
            .Validate(
                o => o.MaxRunTime >= TimeSpan.FromMilliseconds(1) && o.MaxRunTime <= LongestTimer,
                $"{JobOptions.Section}:MaxRunTime must be between 00:00:00.001 and {LongestTimer} (about 49.7 days, the longest timer .NET runs).")
            .Validate(o => o.MaxAttempts >= 1, $"{JobOptions.Section}:MaxAttempts must be at least 1.");
        services.AddSingleton<JobSignal>();
        services.AddScoped<JobQueue>();
        services.AddScoped<JobStore>();
        services.AddHostedService<JobWorkers>();
        return services;
    }
}

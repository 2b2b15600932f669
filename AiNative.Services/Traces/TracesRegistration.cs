using AiNative.Services.Platform.Seeding;
using AiNative.Services.Traces.Queries;
using AiNative.Services.Traces.Recording;
using AiNative.Services.Traces.Retention;
using AiNative.Services.Traces.Scoring;
using AiNative.Services.Traces.Ingestion;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Traces;

public static class TracesRegistration
{
    /// <summary>Call before other features add hosted services: hosted services stop in reverse order, so the writer stops last and saves what they recorded.</summary>
    public static IServiceCollection AddTraces(this IServiceCollection services)
    {
        services.AddOptions<TraceWriterOptions>()
            .BindConfiguration(TraceWriterOptions.Section)
            .Validate(o => o.QueueCapacity >= 1, $"{TraceWriterOptions.Section}:QueueCapacity must be at least 1.")
            .Validate(o => o.BatchSize >= 1, $"{TraceWriterOptions.Section}:BatchSize must be at least 1.")
            .Validate(o => o.MaxRetryDelay > TimeSpan.Zero, $"{TraceWriterOptions.Section}:MaxRetryDelay must be positive.")
            .Validate(o => o.RetentionInterval > TimeSpan.Zero, $"{TraceWriterOptions.Section}:RetentionInterval must be positive.");
        services.AddSingleton<TraceWriter>();
        services.AddHostedService<TraceWriterService>();
        services.AddSingleton<LiveTraces>();
        services.AddSingleton<TracePrivacySettings>();
        services.AddScoped<TracePrivacyPolicy>();
        services.AddScoped<TraceContentRetention>();
        services.AddHostedService<TraceContentRetentionService>();
        services.AddScoped<TraceRecorder>();
        services.AddScoped<TraceQueries>();
        services.AddScoped<TraceScores>();
        services.AddScoped<ScoreDefinitions>();
        services.AddScoped<TraceIngestion>();
        services.AddScoped<IPortalSeeder, ScoreDefinitionsSeeder>();
        return services;
    }
}

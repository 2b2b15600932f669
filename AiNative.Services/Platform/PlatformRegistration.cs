using AiNative.Services.Data;
using AiNative.Services.Platform.AccessTokens;
using AiNative.Services.Platform.Audit;
using AiNative.Services.Platform.Caching;
using AiNative.Services.Platform.Jobs;
using AiNative.Services.Platform.KeyRing;
using AiNative.Services.Platform.RateLimits;
using AiNative.Services.Platform.Replicas;
using AiNative.Services.Platform.Secrets;
using AiNative.Services.Platform.Seeding;
using AiNative.Services.Platform.Storage;
using AiNative.Services.Traces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AiNative.Services.Platform;

public static class PlatformRegistration
{
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        // First of all hosted services: the others (data protection's key ring among them) read the database.
        services.AddHostedService<DatabaseInitializer>();

        // Messages to the other replicas sharing the database (PostgreSQL): caches, vectors, workers, pages.
        services.AddReplicas();

        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .PostConfigure<IHostEnvironment>((options, environment) =>
                options.DataFolder = Path.GetFullPath(options.DataFolder, environment.ContentRootPath))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataFolder), $"Set {StorageOptions.Section}:DataFolder to a writable folder.")
            .Validate(
                o => o.Provider != DatabaseProvider.PostgreSQL || !string.IsNullOrWhiteSpace(o.ConnectionString),
                $"Set {StorageOptions.Section}:ConnectionString to the PostgreSQL database (Host=...;Database=...;Username=...;Password=...).")
            .ValidateOnStart();

        // Who callers are and what they may do, cached for a second; committed changes empty it on every replica.
        services.AddSingleton<AccessCache>();
        services.AddSingleton<AccessChangeInterceptor>();

        // A factory per scope: each service call gets its own short-lived context (Blazor circuits
        // run handlers concurrently), and the context still sees the scope's TeamContext.
        services.AddDbContextFactory<PortalDbContext>(ConfigureDatabase, ServiceLifetime.Scoped);

        // The options are the same in every scope, so they are built once: a scoped factory would otherwise build them
        // again in every scope that asks for it (every HTTP request), which was most of a gateway request's allocations.
        // They apply every configuration registered for the context, as EF Core does (ConfigureDbContext in tests included);
        // EF Core registers those with the factory's scoped lifetime, so they are read from a scope of their own.
        services.Replace(ServiceDescriptor.Singleton(provider =>
        {
            var options = new DbContextOptionsBuilder<PortalDbContext>().UseApplicationServiceProvider(provider);
            using var scope = provider.CreateScope();
            foreach (var configuration in scope.ServiceProvider.GetServices<IDbContextOptionsConfiguration<PortalDbContext>>())
            {
                configuration.Configure(provider, options);
            }

            return options.Options;
        }));

        services.AddKeyRing(configuration);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IBlobStore, FolderBlobStore>();
        services.AddSingleton<WriteGate>();
        services.AddSingleton<SecretProtector>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditLog>();
        services.AddScoped<PersonalAccessTokens>();
        services.AddRateLimits();

        // After the database initializer (the writer saves into a migrated database) and before the
        // job workers: hosted services stop in reverse order, so the writer saves what jobs record last.
        services.AddTraces();

        // After the database initializer, so workers never claim from an unmigrated database.
        services.AddJobs();
        return services;
    }

    private static void ConfigureDatabase(IServiceProvider provider, DbContextOptionsBuilder options) => options
        .UsePortalDatabase(provider.GetRequiredService<IOptions<StorageOptions>>().Value)
        .AddInterceptors(provider.GetRequiredService<AccessChangeInterceptor>());
}

using AiNative.Services.Experiments.Comparison;
using AiNative.Services.Experiments.Planning;
using AiNative.Services.Experiments.Results;
using AiNative.Services.Experiments.Review;
using AiNative.Services.Experiments.Running;
using AiNative.Services.Platform.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Experiments;

public static class ExperimentsRegistration
{
    public static IServiceCollection AddExperiments(this IServiceCollection services)
    {
        services.AddOptions<ExperimentOptions>()
            .BindConfiguration(ExperimentOptions.Section)
            .Validate(o => o.ConcurrencyPerProvider >= 1, $"{ExperimentOptions.Section}:ConcurrencyPerProvider must be at least 1.")
            .Validate(o => o.ProviderConcurrency.Values.All(n => n >= 1), $"{ExperimentOptions.Section}:ProviderConcurrency values must be at least 1.")
            .Validate(o => o.LeaseDuration >= TimeSpan.FromSeconds(1), $"{ExperimentOptions.Section}:LeaseDuration must be at least 00:00:01.")
            .Validate(o => o.PollInterval > TimeSpan.Zero, $"{ExperimentOptions.Section}:PollInterval must be positive.")
            .Validate(o => o.MaxAttempts >= 1, $"{ExperimentOptions.Section}:MaxAttempts must be at least 1.")
            .Validate(o => o.MaxRateLimitRetries >= 0, $"{ExperimentOptions.Section}:MaxRateLimitRetries must be 0 or more.")
            .Validate(o => o.ClaimBatch >= 1, $"{ExperimentOptions.Section}:ClaimBatch must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<ExperimentEvents>();
        services.AddScoped<ExperimentPlanner>();
        services.AddScoped<ExperimentEstimator>();
        services.AddScoped<ExperimentRegistry>();
        services.AddScoped<ExperimentSummaries>();
        services.AddScoped<ExperimentComparisons>();
        services.AddScoped<ExperimentResults>();
        services.AddSingleton<RowStandings>();
        services.AddSingleton(_ => new ExperimentStateCache<ExperimentSummary>(1_000, _ => 1));
        services.AddScoped<ExperimentPromotion>();
        services.AddScoped<ExperimentExporter>();
        services.AddScoped<ExperimentReview>();
        services.AddScoped<ExperimentReviewSummaries>();
        services.AddScoped<ExperimentCellStore>();
        services.AddScoped<CellExecution>();
        services.AddScoped<CellEvaluator>();
        services.AddSingleton<FinishedCells>();
        services.AddScoped<IPortalSeeder, DemoExperimentSeeder>();

        // After the trace writer (AddPlatform): hosted services stop in reverse order, so cells given back at shutdown
        // have their traces saved.
        services.AddHostedService<ExperimentRunner>();
        services.AddHostedService<SummaryKeeper>();
        return services;
    }
}

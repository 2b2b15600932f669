using AiNative.Services.Datasets.Export;
using AiNative.Services.Datasets.FromTraces;
using AiNative.Services.Datasets.Import;
using AiNative.Services.Platform.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Datasets;

public static class DatasetsRegistration
{
    public static IServiceCollection AddDatasets(this IServiceCollection services)
    {
        services.AddOptions<DatasetOptions>()
            .BindConfiguration(DatasetOptions.Section)
            .Validate(o => o.MaxImportBytes > 0, $"{DatasetOptions.Section}:MaxImportBytes must be positive.")
            .Validate(o => o.MaxImportRows > 0, $"{DatasetOptions.Section}:MaxImportRows must be positive.")
            .Validate(o => o.PreviewRows is >= 1 and <= 100, $"{DatasetOptions.Section}:PreviewRows must be between 1 and 100.")
            .ValidateOnStart();
        services.AddScoped<DatasetRegistry>();
        services.AddScoped<DatasetItems>();
        services.AddScoped<DatasetImporter>();
        services.AddScoped<DatasetExporter>();
        services.AddScoped<DatasetTraceItems>();
        services.AddScoped<IPortalSeeder, DatasetsSeeder>();
        return services;
    }
}

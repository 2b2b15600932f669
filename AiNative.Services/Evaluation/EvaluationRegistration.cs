using AiNative.Services.Evaluation.Definitions;
using AiNative.Services.Evaluation.Judges;
using AiNative.Services.Platform.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Evaluation;

public static class EvaluationRegistration
{
    public static IServiceCollection AddEvaluation(this IServiceCollection services)
    {
        services.AddScoped<JudgeRunner>();
        services.AddScoped<EvaluatorFactory>();
        services.AddScoped<EvaluatorDefinitions>();
        services.AddScoped<IPortalSeeder, RubricPromptsSeeder>();
        return services;
    }
}

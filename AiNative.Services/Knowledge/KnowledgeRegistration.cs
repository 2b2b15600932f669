using AiNative.Services.Knowledge.Answers;
using AiNative.Services.Knowledge.Extraction;
using AiNative.Services.Knowledge.Ingestion;
using AiNative.Services.Knowledge.Partitioning;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Platform.Jobs;
using AiNative.Services.Platform.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Knowledge;

public static class KnowledgeRegistration
{
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddOptions<KnowledgeOptions>()
            .BindConfiguration(KnowledgeOptions.Section)
            .Validate(o => o.MaxUploadBytes > 0, $"{KnowledgeOptions.Section}:MaxUploadBytes must be positive.")
            .Validate(o => o.MaxExpansionRatio >= 1, $"{KnowledgeOptions.Section}:MaxExpansionRatio must be at least 1.")
            .Validate(o => o.EmbeddingBatchSize >= 1, $"{KnowledgeOptions.Section}:EmbeddingBatchSize must be at least 1.")
            .Validate(o => o.EmbeddingConcurrency >= 1, $"{KnowledgeOptions.Section}:EmbeddingConcurrency must be at least 1.");

        services.AddSingleton<IDocumentExtractor, PlainTextExtractor>();
        services.AddSingleton<IDocumentExtractor, MarkdownExtractor>();
        services.AddSingleton<IDocumentExtractor, HtmlExtractor>();
        services.AddSingleton<IDocumentExtractor, PdfExtractor>();
        services.AddSingleton<IDocumentExtractor, DocxExtractor>();
        services.AddSingleton<IDocumentExtractor, CsvExtractor>();
        services.AddSingleton<IDocumentExtractor, JsonExtractor>();
        services.AddSingleton<DocumentExtractors>();
        services.AddSingleton<TextPartitioner>();
        services.AddSingleton<ExtractedArtifacts>();
        services.AddSingleton<EmbeddingRetry>();
        services.AddSingleton<VectorIndex>();
        services.AddSingleton<KnowledgeEvents>();

        services.AddScoped<IPipelineStepHandler, ExtractStep>();
        services.AddScoped<IPipelineStepHandler, PartitionStep>();
        services.AddScoped<IPipelineStepHandler, EmbedStep>();
        services.AddScoped<IPipelineStepHandler, SaveStep>();
        services.AddScoped<IngestionOrchestrator>();
        services.AddScoped<IJobHandler, IngestDocumentJob>();
        services.AddScoped<IJobHandler, ReindexJob>();

        services.AddScoped<DocumentFiles>();
        services.AddScoped<KnowledgeBases>();
        services.AddScoped<KnowledgeDocuments>();
        services.AddScoped<DocumentInspection>();
        services.AddScoped<DocumentUploads>();
        services.AddScoped<KnowledgeSearch>();
        services.AddScoped<KnowledgeAnswers>();
        services.AddScoped<IPortalSeeder, KnowledgeHandbookSeeder>();
        return services;
    }
}

using System.Globalization;
using AiNative.Portal.Client.Contracts.Prompts;

namespace AiNative.Portal.Client.Components.Prompts;

/// <summary>Retrieval settings in words: one sentence for the playground, and lines to read or compare on a version.</summary>
public static class RetrievalText
{
    /// <summary>"Up to 5 chunks of Portal handbook that match {{$question}} (hybrid search, relevance at least 0.15) fill {{$context}}."</summary>
    public static string Sentence(RetrievalSettingsDto settings) =>
        $"Up to {settings.TopK} chunks of {settings.KnowledgeBaseName} that match {{{{${settings.QueryVariable}}}}} " +
        $"({settings.Mode.ToString().ToLowerInvariant()} search, relevance at least {Relevance(settings.MinRelevance)}) fill {{{{${settings.ContextVariable}}}}}.";

    /// <summary>One line per setting, or a line saying the version retrieves nothing.</summary>
    public static string Lines(RetrievalSettingsDto? settings) => settings is null
        ? "None: every variable takes the value given or its default."
        : string.Join('\n',
            $"Knowledge base: {settings.KnowledgeBaseName}",
            $"Query variable: {settings.QueryVariable}",
            $"Context variable: {settings.ContextVariable}",
            $"Top-k: {settings.TopK.ToString(CultureInfo.InvariantCulture)}",
            $"Minimum relevance: {Relevance(settings.MinRelevance)}",
            $"Search mode: {settings.Mode}");

    private static string Relevance(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

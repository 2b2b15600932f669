using AiNative.Portal.Client.Contracts.Knowledge;

namespace AiNative.Portal.Client.Contracts.Prompts;

/// <summary>
/// A knowledge base that fills a variable of a prompt when it runs: the chunks that best match the
/// value of <see cref="QueryVariable"/> fill <see cref="ContextVariable"/> as numbered sources [1], [2], …
/// <see cref="MinRelevance"/> is from 0 to 1. <see cref="KnowledgeBaseName"/> is the base's name when
/// the settings were saved (requests need not give it).
/// </summary>
public sealed record RetrievalSettingsDto(
    Guid KnowledgeBaseId,
    string QueryVariable = RetrievalSettingsDto.DefaultQueryVariable,
    string ContextVariable = RetrievalSettingsDto.DefaultContextVariable,
    int TopK = RetrievalSettingsDto.DefaultTopK,
    double MinRelevance = RetrievalSettingsDto.DefaultMinRelevance,
    SearchModeDto Mode = SearchModeDto.Hybrid,
    string? KnowledgeBaseName = null)
{
    public const string DefaultQueryVariable = "question";

    public const string DefaultContextVariable = "context";

    public const int DefaultTopK = 5;

    public const int MaxTopK = 20;

    public const double DefaultMinRelevance = 0.15;
}

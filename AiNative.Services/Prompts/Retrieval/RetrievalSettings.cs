using AiNative.Services.Knowledge.Search;

namespace AiNative.Services.Prompts.Retrieval;

/// <summary>
/// Where a prompt's context comes from: the chunks of a knowledge base that best match the value of
/// <see cref="QueryVariable"/> fill <see cref="ContextVariable"/>, numbered so the answer can cite them.
/// Part of an immutable version, or of an ad-hoc run.
/// </summary>
public sealed record RetrievalSettings
{
    public const string DefaultQueryVariable = "question";

    public const string DefaultContextVariable = "context";

    public const int DefaultTopK = 5;

    public const double DefaultMinRelevance = 0.15;

    public Guid KnowledgeBaseId { get; init; }

    /// <summary>The base's name when the settings were saved, so a deleted base can still be named.</summary>
    public string KnowledgeBaseName { get; init; } = string.Empty;

    public string QueryVariable { get; init; } = DefaultQueryVariable;

    public string ContextVariable { get; init; } = DefaultContextVariable;

    /// <summary>How many chunks at most fill the context.</summary>
    public int TopK { get; init; } = DefaultTopK;

    /// <summary>The least relevance (0 to 1) a chunk needs, in the mode's relevance (see <see cref="SearchHit.Relevance"/>).</summary>
    public double MinRelevance { get; init; } = DefaultMinRelevance;

    public SearchMode Mode { get; init; } = SearchMode.Hybrid;
}

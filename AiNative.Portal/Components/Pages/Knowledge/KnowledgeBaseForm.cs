using AiNative.Portal.Client.Contracts.Knowledge;

namespace AiNative.Portal.Components.Pages.Knowledge;

/// <summary>What the knowledge base dialog edits; starts from the portal's partitioning defaults.</summary>
public sealed class KnowledgeBaseForm
{
    // The services' partitioning defaults, which the contract does not carry; a new base starts from them.
    public const int DefaultMaxTokens = 300;
    public const int DefaultOverlap = 40;

    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public Guid? EmbeddingModelId { get; set; }

    public int MaxTokensPerChunk { get; set; } = DefaultMaxTokens;

    public int OverlapTokens { get; set; } = DefaultOverlap;

    public SplitterDto Splitter { get; set; } = SplitterDto.Markdown;

    public static KnowledgeBaseForm For(KnowledgeBaseDto? knowledgeBase) => knowledgeBase is null
        ? new()
        : new()
        {
            Name = knowledgeBase.Name,
            Description = knowledgeBase.Description,
            EmbeddingModelId = knowledgeBase.EmbeddingModelId,
            MaxTokensPerChunk = knowledgeBase.Partitioning.MaxTokensPerChunk,
            OverlapTokens = knowledgeBase.Partitioning.OverlapTokens,
            Splitter = knowledgeBase.Partitioning.Splitter,
        };

    /// <summary>True when saving would rebuild the index of <paramref name="knowledgeBase"/>: another model or other partitioning.</summary>
    public bool Reindexes(KnowledgeBaseDto? knowledgeBase) =>
        knowledgeBase is not null && (EmbeddingModelId != knowledgeBase.EmbeddingModelId || Partitioning != knowledgeBase.Partitioning);

    public SaveKnowledgeBaseRequest ToRequest() => new(Name, Description, EmbeddingModelId, Partitioning);

    /// <summary>The partitioning the form holds now.</summary>
    public PartitioningDto Partitioning => new(MaxTokensPerChunk, OverlapTokens, Splitter);
}

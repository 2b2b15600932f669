using AiNative.Services.Knowledge.Ingestion;
using AiNative.Services.Teams;

namespace AiNative.Services.Knowledge;

/// <summary>
/// An uploaded file in a knowledge base and where its ingestion stands. The file itself is a
/// content-addressed blob named by <see cref="Sha256"/>; <see cref="FileName"/> is only shown.
/// </summary>
public sealed class KnowledgeDocument : ITeamOwned
{
    public KnowledgeDocument() => PublicId = Id;

    /// <summary>The row's own key, never chosen by a caller.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>
    /// The id the API and the pages name the document by (Kernel Memory's <c>documentId</c>): unique in its base,
    /// chosen by the caller at upload or else <see cref="Id"/>. A caller's id is never a key of its own, so the same
    /// id in another team's (or another base's) documents neither collides with this one nor tells anything about it.
    /// </summary>
    public Guid PublicId { get; set; }

    public Guid TeamId { get; set; }

    public Guid KnowledgeBaseId { get; set; }

    public KnowledgeBase KnowledgeBase { get; set; } = null!;

    /// <summary>The uploaded name, for display only; never a path on disk.</summary>
    public required string FileName { get; set; }

    /// <summary>The type found in the content.</summary>
    public DocumentFormat Format { get; set; }

    public long Size { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content: the blob's name, and unique in the base.</summary>
    public required string Sha256 { get; set; }

    public List<DocumentTag> Tags { get; set; } = [];

    public DocumentStatus Status { get; set; } = DocumentStatus.Queued;

    /// <summary>The step being run, or the step that failed.</summary>
    public string? Step { get; set; }

    /// <summary>Progress of the current step, from 0 to 1.</summary>
    public double Progress { get; set; }

    public string? Error { get; set; }

    public int ChunkCount { get; set; }

    public long TokenCount { get; set; }

    /// <summary>The pages of a paged document (PDF) as its extraction counted them; null for other formats and until extracted.</summary>
    public int? PageCount { get; set; }

    /// <summary>The pipeline as data: steps to run, steps done, artifacts. Saved after every step.</summary>
    public IngestionPipeline Pipeline { get; set; } = new();

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

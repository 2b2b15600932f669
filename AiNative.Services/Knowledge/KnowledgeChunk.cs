using AiNative.Services.Teams;

namespace AiNative.Services.Knowledge;

/// <summary>
/// A piece of a document as indexed: its text (in the keyword index), its vector, and where it
/// came from. The key is a <c>long</c> so that SQLite FTS5 uses it as its content rowid.
/// </summary>
public sealed class KnowledgeChunk : ITeamOwned
{
    public long Id { get; set; }

    public Guid TeamId { get; set; }

    public Guid KnowledgeBaseId { get; set; }

    public Guid DocumentId { get; set; }

    public int Generation { get; set; }

    /// <summary>Position in the document, from 0.</summary>
    public int Ordinal { get; set; }

    public required string Text { get; set; }

    public int Tokens { get; set; }

    /// <summary>The page (from 1) for paged documents such as PDF.</summary>
    public int? Page { get; set; }

    /// <summary>The heading path the chunk sits under, such as "Install › Linux".</summary>
    public string? Heading { get; set; }

    /// <summary>L2-normalised float32 vector, little-endian; null until embedded.</summary>
    public byte[]? Vector { get; set; }

    /// <summary>
    /// False while a run builds the chunks; the save step makes a run's chunks searchable and
    /// removes the document's previous ones in one transaction.
    /// </summary>
    public bool Searchable { get; set; }
}

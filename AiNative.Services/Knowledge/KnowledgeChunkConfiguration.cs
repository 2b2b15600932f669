using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Knowledge;

internal sealed class KnowledgeChunkConfiguration : IEntityTypeConfiguration<KnowledgeChunk>
{
    public void Configure(EntityTypeBuilder<KnowledgeChunk> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.Heading).HasMaxLength(500);

        // A position holds one chunk per generation and state: a rerun replaces, never duplicates.
        builder.HasIndex(c => new { c.DocumentId, c.Generation, c.Searchable, c.Ordinal }).IsUnique();
        builder.HasIndex(c => new { c.KnowledgeBaseId, c.Generation, c.Searchable });
        builder.HasOne<KnowledgeDocument>().WithMany().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<KnowledgeBase>().WithMany().HasForeignKey(c => c.KnowledgeBaseId).OnDelete(DeleteBehavior.NoAction);
    }
}

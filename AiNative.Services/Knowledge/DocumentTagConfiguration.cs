using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Knowledge;

internal sealed class DocumentTagConfiguration : IEntityTypeConfiguration<DocumentTag>
{
    public void Configure(EntityTypeBuilder<DocumentTag> builder)
    {
        builder.ToTable("KnowledgeDocumentTags");
        builder.HasKey(t => new { t.DocumentId, t.Key, t.Value });
        builder.Property(t => t.Key).HasMaxLength(DocumentTags.MaxKeyLength);
        builder.Property(t => t.Value).HasMaxLength(DocumentTags.MaxValueLength);
        builder.HasIndex(t => new { t.Key, t.Value });
    }
}

using AiNative.Services.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Knowledge;

internal sealed class KnowledgeBaseConfiguration : IEntityTypeConfiguration<KnowledgeBase>
{
    public void Configure(EntityTypeBuilder<KnowledgeBase> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(100);
        builder.Property(b => b.Description).HasMaxLength(1000);
        builder.Property(b => b.ReindexError).HasMaxLength(2000);
        builder.HasIndex(b => new { b.TeamId, b.Name }).IsUnique();

        // A model a base uses cannot be deleted; the team picks another model for the base first.
        builder.HasOne(b => b.EmbeddingModel).WithMany().HasForeignKey(b => b.EmbeddingModelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ModelDefinition>().WithMany().HasForeignKey(b => b.ActiveEmbeddingModelId).OnDelete(DeleteBehavior.Restrict);
        builder.ComplexProperty(b => b.Partitioning, p =>
        {
            p.ToJson();
            p.Property(s => s.Splitter).HasConversion<string>();
        });
        builder.ComplexProperty(b => b.ActivePartitioning, p =>
        {
            p.ToJson();
            p.Property(s => s.Splitter).HasConversion<string>();
        });
    }
}

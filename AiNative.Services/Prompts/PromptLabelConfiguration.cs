using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Prompts;

internal sealed class PromptLabelConfiguration : IEntityTypeConfiguration<PromptLabel>
{
    public void Configure(EntityTypeBuilder<PromptLabel> builder)
    {
        builder.ToTable("PromptLabels");
        builder.Property(l => l.Name).HasMaxLength(LabelNames.MaxLength);
        builder.HasIndex(l => new { l.PromptId, l.Name }).IsUnique();

        // Versions go only with their prompt, which takes its labels along.
        builder.HasOne(l => l.Version).WithMany().HasForeignKey(l => l.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

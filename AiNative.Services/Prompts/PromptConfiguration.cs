using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Prompts;

internal sealed class PromptConfiguration : IEntityTypeConfiguration<Prompt>
{
    public void Configure(EntityTypeBuilder<Prompt> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(PromptRules.NameMaxLength);
        builder.Property(p => p.Description).HasMaxLength(PromptRules.DescriptionMaxLength);
        builder.HasIndex(p => new { p.TeamId, p.Name }).IsUnique();
        builder.HasMany(p => p.Versions).WithOne(v => v.Prompt).HasForeignKey(v => v.PromptId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Labels).WithOne(l => l.Prompt).HasForeignKey(l => l.PromptId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Evaluation.Definitions;

internal sealed class EvaluatorDefinitionConfiguration : IEntityTypeConfiguration<EvaluatorDefinition>
{
    public void Configure(EntityTypeBuilder<EvaluatorDefinition> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(EvaluatorSettingsRules.NameMaxLength);
        builder.Property(d => d.Description).HasMaxLength(EvaluatorSettingsRules.DescriptionMaxLength);
        builder.HasIndex(d => new { d.TeamId, d.Name }).IsUnique();
        builder.HasMany(d => d.Versions).WithOne(v => v.Definition).HasForeignKey(v => v.DefinitionId).OnDelete(DeleteBehavior.Cascade);
    }
}

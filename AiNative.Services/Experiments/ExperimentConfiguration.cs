using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Experiments;

internal sealed class ExperimentConfiguration : IEntityTypeConfiguration<Experiment>
{
    public void Configure(EntityTypeBuilder<Experiment> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(ExperimentRules.NameMaxLength);
        builder.Property(e => e.Description).HasMaxLength(ExperimentRules.DescriptionMaxLength);
        builder.Property(e => e.DatasetName).HasMaxLength(Datasets.DatasetRules.NameMaxLength);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.StopReason).HasMaxLength(ExperimentRules.ErrorMaxLength);
        builder.Property(e => e.CreatedBy).HasMaxLength(256);
        builder.Property(e => e.StartedBy).HasMaxLength(256);
        builder.Property(e => e.Evaluators).HasJsonConversion();
        builder.HasIndex(e => new { e.TeamId, e.Name }).IsUnique();
        builder.HasIndex(e => new { e.TeamId, e.CreatedAt });
        builder.HasMany(e => e.Variants).WithOne().HasForeignKey(v => v.ExperimentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<ExperimentCell>().WithOne().HasForeignKey(c => c.ExperimentId).OnDelete(DeleteBehavior.Cascade);
    }
}

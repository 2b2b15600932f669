using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Experiments.Results;

internal sealed class KeptSummaryConfiguration : IEntityTypeConfiguration<KeptSummary>
{
    public void Configure(EntityTypeBuilder<KeptSummary> builder)
    {
        builder.HasKey(k => k.ExperimentId);
        builder.Ignore(k => k.State);
        builder.Property(k => k.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Experiment>().WithOne().HasForeignKey<KeptSummary>(k => k.ExperimentId).OnDelete(DeleteBehavior.Cascade);
    }
}

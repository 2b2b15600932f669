using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Experiments;

internal sealed class ExperimentCellConfiguration : IEntityTypeConfiguration<ExperimentCell>
{
    public void Configure(EntityTypeBuilder<ExperimentCell> builder)
    {
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.LeaseOwner).HasMaxLength(100);
        builder.Property(c => c.Error).HasMaxLength(ExperimentRules.ErrorMaxLength);
        builder.Property(c => c.Evaluations).HasJsonConversion();

        // Claims: a provider's pending cells in the dataset's order, then the variants'.
        builder.HasIndex(c => new { c.ProviderId, c.Status, c.ItemPosition, c.VariantPosition });

        // Counts and bulk changes of one experiment (skip, cancel, re-run failed).
        builder.HasIndex(c => new { c.ExperimentId, c.Status });

        // The side-by-side page: an item's cells; a pairwise judge's wait for the baseline's cell.
        builder.HasIndex(c => new { c.ExperimentId, c.ItemId, c.VariantPosition }).IsUnique();

        // Leases that ran out (a runner that died), and the heartbeat of a runner's own.
        builder.HasIndex(c => new { c.Status, c.LeaseExpiresAt });
        builder.HasIndex(c => c.LeaseOwner);
        builder.HasIndex(c => c.ClaimId);
    }
}

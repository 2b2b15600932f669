using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Platform.Jobs;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.Property(j => j.Kind).HasMaxLength(100);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.LeaseOwner).HasMaxLength(100);
        builder.Property(j => j.ProgressMessage).HasMaxLength(200);
        builder.Property(j => j.Error).HasMaxLength(2000);

        // The claim query: queued work that is due, and running work whose lease ran out.
        builder.HasIndex(j => new { j.Status, j.AvailableAt });
        builder.HasIndex(j => new { j.TeamId, j.Kind, j.Status });
    }
}

using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Traces;

internal sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> builder)
    {
        builder.Property(o => o.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Name).HasMaxLength(TraceRules.NameMaxLength);
        builder.Property(o => o.ModelName).HasMaxLength(100);
        builder.Property(o => o.FinishReason).HasMaxLength(40);
        builder.Property(o => o.Error).HasMaxLength(100);
        builder.Property(o => o.Attributes).HasJsonConversion();
        builder.Property(o => o.Hits).HasJsonConversion();
        builder.HasIndex(o => o.TraceId);

        // Usage and cost reports sum observations by time.
        builder.HasIndex(o => new { o.TeamId, o.StartedAt });
    }
}

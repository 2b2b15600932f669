using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Platform.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ActorName).HasMaxLength(256);
        builder.Property(a => a.ObjectKind).HasMaxLength(50);
        builder.Property(a => a.ObjectId).HasMaxLength(64);
        builder.Property(a => a.ObjectName).HasMaxLength(256);
        builder.Property(a => a.Summary).HasMaxLength(4000);
        builder.HasIndex(a => new { a.TeamId, a.At });
    }
}

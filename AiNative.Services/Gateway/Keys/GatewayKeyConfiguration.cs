using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Gateway.Keys;

internal sealed class GatewayKeyConfiguration : IEntityTypeConfiguration<GatewayKey>
{
    public void Configure(EntityTypeBuilder<GatewayKey> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(GatewayKeys.MaxNameLength);
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.Property(k => k.DisplayPrefix).HasMaxLength(20);
        builder.Property(k => k.CreatedBy).HasMaxLength(200);
        builder.HasIndex(k => k.SecretHash).IsUnique();
        builder.HasIndex(k => new { k.TeamId, k.Name });
    }
}

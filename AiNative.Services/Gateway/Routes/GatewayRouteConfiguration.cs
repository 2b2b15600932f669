using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Gateway.Routes;

internal sealed class GatewayRouteConfiguration : IEntityTypeConfiguration<GatewayRoute>
{
    public void Configure(EntityTypeBuilder<GatewayRoute> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(GatewayRoutes.MaxNameLength);
        builder.Property(r => r.Targets).HasJsonConversion();
        builder.Property(r => r.Guard).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.JsonSchema).HasMaxLength(GatewayRoutes.MaxSchemaLength);
        builder.HasIndex(r => new { r.TeamId, r.Name }).IsUnique();
    }
}

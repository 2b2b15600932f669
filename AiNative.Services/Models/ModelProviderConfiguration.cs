using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Models;

internal sealed class ModelProviderConfiguration : IEntityTypeConfiguration<ModelProvider>
{
    public void Configure(EntityTypeBuilder<ModelProvider> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.BaseUrl).HasMaxLength(2000);
        builder.Property(p => p.ApiKeyHint).HasMaxLength(20);
        builder.HasIndex(p => new { p.TeamId, p.Name }).IsUnique();
    }
}

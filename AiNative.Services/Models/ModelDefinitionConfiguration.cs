using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Models;

internal sealed class ModelDefinitionConfiguration : IEntityTypeConfiguration<ModelDefinition>
{
    public void Configure(EntityTypeBuilder<ModelDefinition> builder)
    {
        builder.ToTable("Models");
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.Property(m => m.ProviderModelId).HasMaxLength(200);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(m => new { m.TeamId, m.Name }).IsUnique();
        builder.HasOne(m => m.Provider).WithMany(p => p.Models).HasForeignKey(m => m.ProviderId).OnDelete(DeleteBehavior.Restrict);
        builder.ComplexProperty(m => m.DefaultSettings, settings =>
        {
            settings.ToJson();
            settings.Property(s => s.ResponseFormat).HasConversion<string>();
        });
    }
}

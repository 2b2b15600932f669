using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Datasets;

internal sealed class DatasetConfiguration : IEntityTypeConfiguration<Dataset>
{
    public void Configure(EntityTypeBuilder<Dataset> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(DatasetRules.NameMaxLength);
        builder.Property(d => d.Description).HasMaxLength(DatasetRules.DescriptionMaxLength);
        builder.HasIndex(d => new { d.TeamId, d.Name }).IsUnique();
        builder.HasMany(d => d.Versions).WithOne(v => v.Dataset).HasForeignKey(v => v.DatasetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<DatasetItem>().WithOne().HasForeignKey(i => i.DatasetId).OnDelete(DeleteBehavior.Cascade);
    }
}

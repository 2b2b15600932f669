using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Datasets;

internal sealed class DatasetVersionConfiguration : IEntityTypeConfiguration<DatasetVersion>
{
    public void Configure(EntityTypeBuilder<DatasetVersion> builder)
    {
        builder.Property(v => v.Summary).HasMaxLength(DatasetRules.SummaryMaxLength);
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
        builder.HasIndex(v => new { v.DatasetId, v.Number }).IsUnique();
    }
}

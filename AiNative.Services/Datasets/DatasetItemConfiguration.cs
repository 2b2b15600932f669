using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Datasets;

internal sealed class DatasetItemConfiguration : IEntityTypeConfiguration<DatasetItem>
{
    public void Configure(EntityTypeBuilder<DatasetItem> builder)
    {
        builder.Property(i => i.ExpectedSources).HasJsonConversion();

        // The latest version (ValidTo null) pages in order from this index alone; so do the
        // changes that close an item's open row.
        builder.HasIndex(i => new { i.DatasetId, i.ValidTo, i.Position });

        // An older version reads the dataset in order and keeps the rows its range covers.
        builder.HasIndex(i => new { i.DatasetId, i.Position, i.ValidFrom, i.ValidTo });
        builder.HasIndex(i => new { i.DatasetId, i.ItemId, i.ValidFrom }).IsUnique();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Platform.RateLimits;

internal sealed class RateWindowConfiguration : IEntityTypeConfiguration<RateWindow>
{
    public void Configure(EntityTypeBuilder<RateWindow> builder)
    {
        // SharedRateCounter's upsert names the table, the columns and this key in SQL.
        builder.ToTable("RateWindows");
        builder.HasKey(w => new { w.Key, w.WindowStartUnixMs });
        builder.Property(w => w.Key).HasMaxLength(RateWindow.MaxKeyLength);

        // The cleanup's delete.
        builder.HasIndex(w => w.ExpiresAtUnixMs);
    }
}

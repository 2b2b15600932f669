using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Teams;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Slug).HasMaxLength(100);
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.HasIndex(t => t.Name).IsUnique();
        builder.Property(t => t.TracePrivacy).HasConversion<string>().HasMaxLength(20);
    }
}

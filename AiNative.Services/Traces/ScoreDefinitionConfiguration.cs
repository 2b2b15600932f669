using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Traces;

internal sealed class ScoreDefinitionConfiguration : IEntityTypeConfiguration<ScoreDefinition>
{
    public void Configure(EntityTypeBuilder<ScoreDefinition> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(TraceRules.ScoreNameMaxLength);
        builder.Property(s => s.Description).HasMaxLength(500);
        builder.Property(s => s.DataType).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => new { s.TeamId, s.Name }).IsUnique();
    }
}

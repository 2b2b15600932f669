using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Traces;

internal sealed class ScoreConfiguration : IEntityTypeConfiguration<Score>
{
    public void Configure(EntityTypeBuilder<Score> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(TraceRules.ScoreNameMaxLength);
        builder.Property(s => s.DataType).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.StringValue).HasMaxLength(TraceRules.CategoryMaxLength);
        builder.Property(s => s.EvaluatorName).HasMaxLength(TraceRules.NameMaxLength);
        builder.Property(s => s.AuthorName).HasMaxLength(256);
        builder.Property(s => s.Comment).HasMaxLength(TraceRules.CommentMaxLength);
        builder.HasIndex(s => s.TraceId);
        builder.HasIndex(s => new { s.TeamId, s.Name, s.CreatedAt });
    }
}

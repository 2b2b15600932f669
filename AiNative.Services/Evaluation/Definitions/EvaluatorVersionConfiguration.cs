using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Evaluation.Definitions;

internal sealed class EvaluatorVersionConfiguration : IEntityTypeConfiguration<EvaluatorVersion>
{
    public void Configure(EntityTypeBuilder<EvaluatorVersion> builder)
    {
        builder.HasIndex(v => new { v.DefinitionId, v.Number }).IsUnique();
        builder.Property(v => v.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
        builder.ComplexProperty(v => v.Settings, settings => settings.ToJson());
    }
}

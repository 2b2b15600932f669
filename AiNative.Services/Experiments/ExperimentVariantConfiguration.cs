using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Experiments;

internal sealed class ExperimentVariantConfiguration : IEntityTypeConfiguration<ExperimentVariant>
{
    public void Configure(EntityTypeBuilder<ExperimentVariant> builder)
    {
        builder.Property(v => v.Name).HasMaxLength(ExperimentRules.VariantNameMaxLength);
        builder.Property(v => v.PromptName).HasMaxLength(Prompts.PromptRules.NameMaxLength);
        builder.Property(v => v.PromptLabel).HasMaxLength(Prompts.LabelNames.MaxLength);
        builder.Property(v => v.ModelName).HasMaxLength(200);
        builder.HasIndex(v => new { v.ExperimentId, v.Position }).IsUnique();
        builder.ComplexProperty(v => v.Settings, settings =>
        {
            settings.ToJson();
            settings.Property(s => s.ResponseFormat).HasConversion<string>();
        });
    }
}

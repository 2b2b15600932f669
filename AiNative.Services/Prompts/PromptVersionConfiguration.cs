using AiNative.Services.Prompts.Retrieval;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Prompts;

internal sealed class PromptVersionConfiguration : IEntityTypeConfiguration<PromptVersion>
{
    public void Configure(EntityTypeBuilder<PromptVersion> builder)
    {
        builder.ToTable("PromptVersions");
        builder.HasIndex(v => new { v.PromptId, v.Number }).IsUnique();
        builder.Property(v => v.CommitMessage).HasMaxLength(PromptRules.CommitMessageMaxLength);
        builder.Property(v => v.CreatedBy).HasMaxLength(256);

        // A model that a saved version names cannot be deleted from under it.
        builder.HasOne(v => v.Model).WithMany().HasForeignKey(v => v.ModelId).OnDelete(DeleteBehavior.Restrict);
        builder.ComplexProperty(v => v.Settings, settings =>
        {
            settings.ToJson();
            settings.Property(s => s.ResponseFormat).HasConversion<string>();
        });
        builder.ComplexCollection(v => v.Variables, variables => variables.ToJson());
        builder.ComplexProperty(v => v.Retrieval, RetrievalSettingsMapping.Configure);
    }
}

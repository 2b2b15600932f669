using AiNative.Services.Prompts;
using AiNative.Services.Prompts.Retrieval;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Runs;

internal sealed class PromptRunConfiguration : IEntityTypeConfiguration<PromptRun>
{
    public void Configure(EntityTypeBuilder<PromptRun> builder)
    {
        builder.ToTable("PromptRuns");
        builder.Property(r => r.PromptName).HasMaxLength(PromptRules.NameMaxLength);
        builder.Property(r => r.ModelName).HasMaxLength(100);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ProblemTitle).HasMaxLength(RunRules.ProblemTitleMaxLength);
        builder.Property(r => r.ProblemDetail).HasMaxLength(RunRules.ProblemDetailMaxLength);
        builder.Property(r => r.FinishReason).HasMaxLength(40);
        builder.Property(r => r.ActorName).HasMaxLength(256);
        builder.HasIndex(r => new { r.TeamId, r.StartedAt });

        // Deleting a prompt keeps its runs: they keep its name and version number as text.
        builder.HasOne<Prompt>().WithMany().HasForeignKey(r => r.PromptId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(r => r.Spans).WithOne().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.ComplexProperty(r => r.Settings, settings =>
        {
            settings.ToJson();
            settings.Property(s => s.ResponseFormat).HasConversion<string>();
        });
        builder.ComplexCollection(r => r.Variables, variables => variables.ToJson());
        builder.ComplexCollection(r => r.Messages, messages => messages.ToJson());
        builder.ComplexProperty(r => r.Retrieval, RetrievalSettingsMapping.Configure);
    }
}

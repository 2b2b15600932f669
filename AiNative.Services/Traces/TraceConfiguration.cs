using AiNative.Services.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Traces;

internal sealed class TraceConfiguration : IEntityTypeConfiguration<Trace>
{
    public void Configure(EntityTypeBuilder<Trace> builder)
    {
        builder.Property(t => t.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Privacy).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Name).HasMaxLength(TraceRules.NameMaxLength);
        builder.Property(t => t.UserId).HasMaxLength(TraceRules.IdMaxLength);
        builder.Property(t => t.SessionId).HasMaxLength(TraceRules.IdMaxLength);
        builder.Property(t => t.ActorName).HasMaxLength(256);
        builder.Property(t => t.PromptName).HasMaxLength(TraceRules.NameMaxLength);
        builder.Property(t => t.ModelName).HasMaxLength(100);
        builder.Property(t => t.FinishReason).HasMaxLength(40);
        builder.Property(t => t.ProblemTitle).HasMaxLength(TraceRules.ProblemTitleMaxLength);
        builder.Property(t => t.ProblemDetail).HasMaxLength(TraceRules.ProblemDetailMaxLength);
        builder.Property(t => t.Metadata).HasJsonConversion();

        // Lists page newest first within a team, optionally of one source or prompt.
        builder.HasIndex(t => new { t.TeamId, t.StartedAt });
        builder.HasIndex(t => new { t.TeamId, t.Source, t.StartedAt });
        builder.HasIndex(t => new { t.TeamId, t.PromptId, t.StartedAt });
    }
}

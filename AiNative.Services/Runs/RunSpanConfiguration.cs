using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Runs;

internal sealed class RunSpanConfiguration : IEntityTypeConfiguration<RunSpan>
{
    public void Configure(EntityTypeBuilder<RunSpan> builder)
    {
        builder.ToTable("RunSpans");
        builder.Property(s => s.Name).HasMaxLength(40);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);

        // Attributes differ by step (a retrieval step brings its own), so they are one JSON object.
        builder.Property(s => s.Attributes).HasConversion(
            attributes => JsonSerializer.Serialize(attributes, JsonSerializerOptions.Default),
            json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonSerializerOptions.Default) ?? new Dictionary<string, string>(),
            new ValueComparer<Dictionary<string, string>>(
                (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                attributes => attributes.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                attributes => new Dictionary<string, string>(attributes)));
        builder.ComplexCollection(s => s.Hits, hits => hits.ToJson());
    }
}

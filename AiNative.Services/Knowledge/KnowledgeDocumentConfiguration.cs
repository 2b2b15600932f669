using System.Text.Json;
using AiNative.Services.Knowledge.Ingestion;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Knowledge;

internal sealed class KnowledgeDocumentConfiguration : IEntityTypeConfiguration<KnowledgeDocument>
{
    public void Configure(EntityTypeBuilder<KnowledgeDocument> builder)
    {
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.Format).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.Step).HasMaxLength(20);
        builder.Property(d => d.Error).HasMaxLength(2000);

        // The same content is ingested once per base.
        builder.HasIndex(d => new { d.KnowledgeBaseId, d.Sha256 }).IsUnique();
        builder.HasIndex(d => d.Sha256);

        // Kernel Memory's document ids are unique in their index, and only there.
        builder.HasIndex(d => new { d.KnowledgeBaseId, d.PublicId }).IsUnique();
        builder.HasOne(d => d.KnowledgeBase).WithMany().HasForeignKey(d => d.KnowledgeBaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Tags).WithOne().HasForeignKey(t => t.DocumentId).OnDelete(DeleteBehavior.Cascade);

        // The pipeline state is one JSON value, written whole after each step.
        builder.Property(d => d.Pipeline)
            .HasConversion(
                p => JsonSerializer.Serialize(p, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<IngestionPipeline>(json, JsonSerializerOptions.Default) ?? new IngestionPipeline(),
                new ValueComparer<IngestionPipeline>(
                    (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Default) == JsonSerializer.Serialize(b, JsonSerializerOptions.Default),
                    p => JsonSerializer.Serialize(p, JsonSerializerOptions.Default).GetHashCode(StringComparison.Ordinal),
                    p => JsonSerializer.Deserialize<IngestionPipeline>(JsonSerializer.Serialize(p, JsonSerializerOptions.Default), JsonSerializerOptions.Default)!));
    }
}

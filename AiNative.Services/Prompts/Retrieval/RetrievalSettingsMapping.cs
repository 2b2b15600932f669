using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AiNative.Services.Prompts.Retrieval;

/// <summary>
/// Retrieval settings as columns of the row that holds them (a version, a run). The base is kept by
/// id without a foreign key, on purpose: a restricting key would stop a team from deleting a base
/// that any old version names, and versions cannot change to let go of it; a key that clears the id
/// would change an immutable version behind its back. A run of such a version says instead that its
/// base was deleted.
/// </summary>
internal static class RetrievalSettingsMapping
{
    public static void Configure(ComplexPropertyBuilder<RetrievalSettings> retrieval)
    {
        retrieval.Property(r => r.KnowledgeBaseName).HasMaxLength(RetrievalRules.NameMaxLength);
        retrieval.Property(r => r.QueryVariable).HasMaxLength(RetrievalRules.NameMaxLength);
        retrieval.Property(r => r.ContextVariable).HasMaxLength(RetrievalRules.NameMaxLength);
        retrieval.Property(r => r.Mode).HasConversion<string>().HasMaxLength(20);
    }
}

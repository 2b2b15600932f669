using AiNative.Services.Data;
using AiNative.Services.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace AiNative.Services.Prompts.Retrieval;

/// <summary>The checks retrieval settings pass, for a new version and for an ad-hoc run alike.</summary>
internal static class RetrievalRules
{
    public const string KnowledgeBaseField = "Retrieval.KnowledgeBaseId";

    public const string QueryVariableField = "Retrieval.QueryVariable";

    public const string ContextVariableField = "Retrieval.ContextVariable";

    public const int MaxTopK = 20;

    public const int NameMaxLength = 100;

    /// <summary>The name of the base the settings name, or null when the team has no such base.</summary>
    public static Task<string?> BaseNameAsync(PortalDbContext db, RetrievalSettings settings, CancellationToken cancellationToken) =>
        db.KnowledgeBases.AsNoTracking().Where(b => b.Id == settings.KnowledgeBaseId).Select(b => b.Name).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Checks the settings against the variables the templates use and the base found (null when
    /// missing), and returns them with the base's current name and the variables spelled as the
    /// templates spell them.
    /// </summary>
    public static RetrievalSettings Check(RetrievalSettings settings, IReadOnlyList<string> used, string? baseName, Validation validation)
    {
        var query = Used(settings.QueryVariable, used);
        var context = Used(settings.ContextVariable, used);
        validation
            .Require(baseName is not null, KnowledgeBaseField, "The knowledge base was not found in this team. Pick one of the team's knowledge bases.")
            .Require(query is not null, QueryVariableField,
                $"The templates do not use '{settings.QueryVariable}'. Pick the variable whose value is the search query, such as {{{{$question}}}}.")
            .Require(context is not null, ContextVariableField,
                $"The templates do not use '{settings.ContextVariable}'. Pick the variable that receives the retrieved chunks, such as {{{{$context}}}}.")
            .Require(query is null || !string.Equals(query, context, StringComparison.OrdinalIgnoreCase), ContextVariableField,
                "The context variable must differ from the query variable: the query is searched for, and the context receives what is found.")
            .Require(settings.TopK is >= 1 and <= MaxTopK, "Retrieval.TopK", $"Top-k must be between 1 and {MaxTopK}.")
            .Require(settings.MinRelevance is >= 0 and <= 1, "Retrieval.MinRelevance", "Minimum relevance must be between 0 and 1.")
            .Require(Enum.IsDefined(settings.Mode), "Retrieval.Mode", "Choose the hybrid, vector or keyword mode.");
        return settings with
        {
            KnowledgeBaseName = baseName ?? settings.KnowledgeBaseName,
            QueryVariable = query ?? settings.QueryVariable,
            ContextVariable = context ?? settings.ContextVariable,
        };
    }

    private static string? Used(string? name, IReadOnlyList<string> used) =>
        used.FirstOrDefault(u => string.Equals(u, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}

using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Portal.Client.Contracts.Prompts;

namespace AiNative.Portal.Client.Components.Prompts;

/// <summary>Retrieval settings being chosen: for a new version in its editor, or for an ad-hoc prompt in the playground.</summary>
public sealed class RetrievalDraft
{
    public bool Enabled { get; set; }

    public Guid? KnowledgeBaseId { get; set; }

    /// <summary>The name the settings it started from knew the base by, to name it if it was deleted since.</summary>
    public string? KnowledgeBaseName { get; private set; }

    public string QueryVariable { get; set; } = RetrievalSettingsDto.DefaultQueryVariable;

    public string ContextVariable { get; set; } = RetrievalSettingsDto.DefaultContextVariable;

    public int TopK { get; set; } = RetrievalSettingsDto.DefaultTopK;

    public double MinRelevance { get; set; } = RetrievalSettingsDto.DefaultMinRelevance;

    public SearchModeDto Mode { get; set; } = SearchModeDto.Hybrid;

    public static RetrievalDraft From(RetrievalSettingsDto? settings) => settings is null ? new() : new()
    {
        Enabled = true,
        KnowledgeBaseId = settings.KnowledgeBaseId,
        KnowledgeBaseName = settings.KnowledgeBaseName,
        QueryVariable = settings.QueryVariable,
        ContextVariable = settings.ContextVariable,
        TopK = settings.TopK,
        MinRelevance = settings.MinRelevance,
        Mode = settings.Mode,
    };

    /// <summary>The settings to send, or null when nothing is retrieved. A base not yet picked goes as none, so the portal asks for one.</summary>
    public RetrievalSettingsDto? ToDto() =>
        Enabled ? new(KnowledgeBaseId ?? Guid.Empty, QueryVariable, ContextVariable, TopK, MinRelevance, Mode) : null;
}

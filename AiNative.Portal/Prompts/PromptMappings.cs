using AiNative.Portal.Client.Contracts.Knowledge;
using AiNative.Portal.Client.Contracts.Prompts;
using AiNative.Services.Knowledge.Search;
using AiNative.Services.Models;
using AiNative.Services.Prompts;
using AiNative.Services.Prompts.Retrieval;
using AiNative.Services.Prompts.Templates;

namespace AiNative.Portal.Prompts;

/// <summary>Between the prompt services' types and the API contract's DTOs.</summary>
internal static class PromptMappings
{
    public static PromptSummaryDto ToDto(this PromptSummary prompt) =>
        new(prompt.Id, prompt.Name, prompt.Description, prompt.LatestVersion,
            prompt.Labels.Select(l => new PromptLabelDto(l.Name, l.VersionNumber)).ToList(), prompt.UpdatedAt);

    public static PromptDetailsDto ToDto(this Prompt prompt) =>
        new(prompt.Id, prompt.Name, prompt.Description, prompt.CreatedAt, prompt.UpdatedAt,
            prompt.Versions.Select(ToDto).ToList(),
            prompt.Labels.Select(ToDto).ToList());

    public static PromptVersionDto ToDto(this PromptVersion version) =>
        new(version.Id, version.Number, version.SystemTemplate, version.UserTemplate,
            version.Variables.Select(v => new PromptVariableDto(v.Name, v.DefaultValue, v.Description)).ToList(),
            version.ModelId, version.Model?.Name, version.Settings.ToDto(), version.CommitMessage, version.CreatedAt, version.CreatedBy,
            version.Retrieval?.ToDto());

    public static PromptLabelDto ToDto(this PromptLabel label) => new(label.Name, label.Version.Number);

    public static PromptSettingsDto ToDto(this GenerationSettings settings) =>
        new(settings.Temperature, settings.TopP, settings.MaxOutputTokens, (PromptResponseFormatDto)settings.ResponseFormat);

    public static GenerationSettings ToSettings(this PromptSettingsDto? settings) => settings is null ? new() : new()
    {
        Temperature = settings.Temperature,
        TopP = settings.TopP,
        MaxOutputTokens = settings.MaxOutputTokens,
        ResponseFormat = (ResponseFormat)settings.ResponseFormat,
    };

    public static RetrievalSettingsDto ToDto(this RetrievalSettings retrieval) =>
        new(retrieval.KnowledgeBaseId, retrieval.QueryVariable, retrieval.ContextVariable, retrieval.TopK, retrieval.MinRelevance,
            (SearchModeDto)retrieval.Mode, retrieval.KnowledgeBaseName);

    /// <summary>The settings asked for; the base's name is looked up, not taken from the request.</summary>
    public static RetrievalSettings? ToSettings(this RetrievalSettingsDto? retrieval) => retrieval is null ? null : new()
    {
        KnowledgeBaseId = retrieval.KnowledgeBaseId,
        QueryVariable = retrieval.QueryVariable ?? string.Empty,
        ContextVariable = retrieval.ContextVariable ?? string.Empty,
        TopK = retrieval.TopK,
        MinRelevance = retrieval.MinRelevance,
        Mode = (SearchMode)retrieval.Mode,
    };

    public static List<PromptVariable> ToVariables(this IReadOnlyList<PromptVariableDto>? variables) =>
        (variables ?? []).Select(v => new PromptVariable { Name = v.Name, DefaultValue = v.DefaultValue, Description = v.Description }).ToList();

    public static TemplateAnalysisDto ToDto(this TemplateAnalysis analysis) =>
        new(analysis.Variables,
            analysis.Errors.Select(e => new TemplateErrorDto((PromptTemplateKindDto)e.Template, e.Line, e.Column, e.Message)).ToList());

    public static RenderedPromptDto ToDto(this RenderedPrompt rendered) => new(rendered.System, rendered.User, rendered.Values);

    public static ChatModelOptionDto ToDto(this ChatModelChoice model) =>
        new(model.Id, model.Name, model.ProviderName, model.MaxOutputTokens, model.Note);
}

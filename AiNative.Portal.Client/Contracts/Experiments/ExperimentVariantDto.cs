namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>One variant: the prompt version it runs (and the label it was chosen by), its model and the settings sent.</summary>
public sealed record ExperimentVariantDto(
    Guid Id,
    int Position,
    string Name,
    bool IsBaseline,
    Guid PromptId,
    string PromptName,
    int PromptVersion,
    string? PromptLabel,
    Guid ModelId,
    string ModelName,
    bool ModelOverridden,
    float? Temperature,
    float? TopP,
    int? MaxOutputTokens);

namespace AiNative.Portal.Client.Contracts.Prompts;

/// <summary>Sampling settings of a version; a null value keeps the model's default.</summary>
public sealed record PromptSettingsDto(
    float? Temperature = null,
    float? TopP = null,
    int? MaxOutputTokens = null,
    PromptResponseFormatDto ResponseFormat = PromptResponseFormatDto.Text);

using AiNative.Portal.Client.Contracts.Prompts;

namespace AiNative.Portal.Components.Prompts;

/// <summary>The model and sampling settings being chosen for a new version.</summary>
public sealed class SettingsDraft
{
    public Guid? ModelId { get; set; }

    public float? Temperature { get; set; }

    public float? TopP { get; set; }

    public int? MaxOutputTokens { get; set; }

    public PromptResponseFormatDto ResponseFormat { get; set; } = PromptResponseFormatDto.Text;

    /// <summary>The latest version's choices, or the first chat model for a prompt's first version.</summary>
    public static SettingsDraft From(PromptVersionDto? latest, IReadOnlyList<ChatModelOptionDto> models) => latest is null
        ? new() { ModelId = models.FirstOrDefault()?.Id }
        : new()
        {
            ModelId = latest.ModelId,
            Temperature = latest.Settings.Temperature,
            TopP = latest.Settings.TopP,
            MaxOutputTokens = latest.Settings.MaxOutputTokens,
            ResponseFormat = latest.Settings.ResponseFormat,
        };

    public PromptSettingsDto ToDto() => new(Temperature, TopP, MaxOutputTokens, ResponseFormat);
}

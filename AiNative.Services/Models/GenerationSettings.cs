namespace AiNative.Services.Models;

/// <summary>Sampling settings of a call; a null value leaves the provider's default.</summary>
public sealed record GenerationSettings
{
    public float? Temperature { get; init; }

    public float? TopP { get; init; }

    public int? MaxOutputTokens { get; init; }

    public ResponseFormat ResponseFormat { get; init; } = ResponseFormat.Text;

    /// <summary>These settings, with each unset value taken from <paramref name="defaults"/>.</summary>
    public GenerationSettings Over(GenerationSettings? defaults) => defaults is null ? this : new()
    {
        Temperature = Temperature ?? defaults.Temperature,
        TopP = TopP ?? defaults.TopP,
        MaxOutputTokens = MaxOutputTokens ?? defaults.MaxOutputTokens,
        ResponseFormat = ResponseFormat,
    };
}

namespace AiNative.Portal.Client.Contracts.Models;

/// <summary>Sampling settings; a null value leaves the provider's default.</summary>
public sealed record ModelSettingsDto
{
    public float? Temperature { get; init; }

    public float? TopP { get; init; }

    public int? MaxOutputTokens { get; init; }

    public ResponseFormatDto ResponseFormat { get; init; } = ResponseFormatDto.Text;
}

namespace AiNative.Portal.Client.Contracts.Models;

/// <summary>A model the team may use, with the provider that serves it.</summary>
public sealed record ModelDto(
    Guid Id,
    Guid ProviderId,
    string ProviderName,
    ProviderKindDto ProviderKind,
    string Name,
    string ProviderModelId,
    ModelKindDto Kind,
    int ContextWindow,
    int MaxOutputTokens,
    decimal InputPricePerMillion,
    decimal OutputPricePerMillion,
    int? EmbeddingDimensions,
    ModelSettingsDto DefaultSettings,
    string? Description,
    DateTimeOffset UpdatedAt)
{
    /// <summary>A built-in offline model: <see cref="Description"/> says what it really is.</summary>
    public bool IsBuiltIn => ProviderKind == ProviderKindDto.Offline;
}

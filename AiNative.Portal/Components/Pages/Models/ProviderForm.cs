using AiNative.Portal.Client.Contracts.Models;

namespace AiNative.Portal.Components.Pages.Models;

/// <summary>What the provider dialog edits. The key starts empty, always: a stored key is never read back.</summary>
public sealed class ProviderForm
{
    public string Name { get; set; } = string.Empty;

    public ProviderKindDto Kind { get; set; } = ProviderKindDto.OpenAICompatible;

    public string? BaseUrl { get; set; }

    public string? ApiKey { get; set; }

    public bool ClearApiKey { get; set; }

    public int TimeoutSeconds { get; set; } = 100;

    public static ProviderForm For(ProviderDto? provider) => provider is null ? new() : new()
    {
        Name = provider.Name,
        Kind = provider.Kind,
        BaseUrl = provider.BaseUrl,
        TimeoutSeconds = provider.TimeoutSeconds,
    };

    /// <summary>The request to send: the key only when one was typed, and no URL for the offline provider.</summary>
    public SaveProviderRequest ToRequest() => new()
    {
        Name = Name,
        Kind = Kind,
        BaseUrl = Kind == ProviderKindDto.Offline || string.IsNullOrWhiteSpace(BaseUrl) ? null : BaseUrl,
        ApiKey = Kind == ProviderKindDto.Offline || ClearApiKey || string.IsNullOrEmpty(ApiKey) ? null : ApiKey,
        ClearApiKey = ClearApiKey,
        TimeoutSeconds = TimeoutSeconds,
    };
}

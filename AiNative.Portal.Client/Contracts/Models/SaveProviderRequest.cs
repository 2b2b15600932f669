namespace AiNative.Portal.Client.Contracts.Models;

/// <summary>A provider to create or change.</summary>
public sealed record SaveProviderRequest
{
    public string Name { get; init; } = string.Empty;

    public ProviderKindDto Kind { get; init; } = ProviderKindDto.OpenAICompatible;

    /// <summary>Empty for the kind's default (OpenAI, Ollama); ignored for the offline provider.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Write-only. A value sets or replaces the key; null or empty keeps the stored one.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Removes the stored key.</summary>
    public bool ClearApiKey { get; init; }

    public int TimeoutSeconds { get; init; } = 100;
}

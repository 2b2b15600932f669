namespace AiNative.Services.Models.Registry;

/// <summary>What a person enters for a provider. The API key is write-only: it is never read back.</summary>
public sealed record ProviderInput
{
    public string? Name { get; init; }

    public ProviderKind Kind { get; init; }

    /// <summary>Empty for the kind's default (OpenAI, Ollama); ignored for the offline provider.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>A new key; null or empty keeps the stored key as it is.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Removes the stored key.</summary>
    public bool ClearApiKey { get; init; }

    public int TimeoutSeconds { get; init; } = ProviderRules.DefaultTimeoutSeconds;
}

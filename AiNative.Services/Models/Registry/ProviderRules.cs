using AiNative.Services.Models.Network;
using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Models.Registry;

/// <summary>What a provider must be before it is saved; every problem is reported at once.</summary>
public sealed class ProviderRules(ProviderAddressGuard guard)
{
    public const int DefaultTimeoutSeconds = 100;
    public const int MinTimeoutSeconds = 1;
    public const int MaxTimeoutSeconds = 600;
    public const int MaxNameLength = 100;
    public const int MaxBaseUrlLength = 2000;
    public const int MaxApiKeyLength = 1000;
    public const string AzureBaseUrlExample = "https://<resource>.openai.azure.com/openai/v1/";

    /// <summary>Checks <paramref name="input"/>; returns the base URL to store (the kind's default when none was given).</summary>
    public async Task<string?> CheckAsync(ProviderInput input, CancellationToken cancellationToken)
    {
        var newKey = !string.IsNullOrEmpty(input.ApiKey);
        var validation = new Validation()
            .RequireText(input.Name, "Name", MaxNameLength)
            .Require(Enum.IsDefined(input.Kind), "Kind", "Pick a kind: OpenAI, Azure OpenAI, OpenAI-compatible server, Ollama or offline.")
            .Require(input.TimeoutSeconds is >= MinTimeoutSeconds and <= MaxTimeoutSeconds, "TimeoutSeconds",
                $"The timeout must be between {MinTimeoutSeconds} and {MaxTimeoutSeconds} seconds.")
            .Require(!(newKey && input.ClearApiKey), "ApiKey", "Enter a new key or remove the stored one, not both.")
            .Require((input.ApiKey?.Length ?? 0) <= MaxApiKeyLength, "ApiKey", $"The API key must be at most {MaxApiKeyLength} characters.")
            .Require(!(newKey && input.Kind == ProviderKind.Offline), "ApiKey", "The built-in offline provider takes no API key.");

        var (text, url) = BaseUrlOf(input, validation);
        if (url is not null && await guard.CheckAsync(url, cancellationToken) is { } refusal)
        {
            validation.Require(false, "BaseUrl", refusal);
        }

        validation.ThrowIfInvalid();
        return text;
    }

    private static (string? Text, Uri? Url) BaseUrlOf(ProviderInput input, Validation validation)
    {
        if (input.Kind == ProviderKind.Offline || !Enum.IsDefined(input.Kind))
        {
            return (null, null);
        }

        var text = string.IsNullOrWhiteSpace(input.BaseUrl) ? ModelClientFactory.DefaultBaseUrl(input.Kind) : input.BaseUrl.Trim();
        if (text is null)
        {
            validation.Require(false, "BaseUrl", input.Kind == ProviderKind.AzureOpenAI
                ? $"Enter the resource's v1 endpoint, such as {AzureBaseUrlExample}"
                : "Enter the server's base URL, such as http://localhost:11434/v1 (Ollama), http://localhost:8000/v1 (vLLM) or http://localhost:1234/v1 (LM Studio).");
            return (null, null);
        }

        if (text.Length > MaxBaseUrlLength
            || !Uri.TryCreate(text, UriKind.Absolute, out var url)
            || url.Scheme is not ("http" or "https")
            || string.IsNullOrEmpty(url.Host))
        {
            validation.Require(false, "BaseUrl", "Enter an absolute http or https URL, such as https://api.openai.com/v1 or http://localhost:11434/v1.");
            return (null, null);
        }

        validation
            .Require(url.UserInfo.Length == 0, "BaseUrl", "Do not put credentials in the URL; enter the key in the API key field.")
            .Require(url.Query.Length == 0 && url.Fragment.Length == 0, "BaseUrl", "The base URL takes no query or fragment (nothing after ? or #).")
            .Require(input.Kind != ProviderKind.AzureOpenAI || IsAzureV1Endpoint(url), "BaseUrl",
                $"Azure OpenAI is reached through its v1 endpoint over https, such as {AzureBaseUrlExample}");
        return (text, url);
    }

    private static bool IsAzureV1Endpoint(Uri url) =>
        url.Scheme == Uri.UriSchemeHttps && url.AbsolutePath.TrimEnd('/').EndsWith("/openai/v1", StringComparison.OrdinalIgnoreCase);
}

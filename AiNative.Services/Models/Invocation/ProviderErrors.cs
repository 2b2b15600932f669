using System.ClientModel;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using AiNative.Services.Models.Network;
using OllamaSharp.Models.Exceptions;

namespace AiNative.Services.Models.Invocation;

/// <summary>Turns what provider clients throw into <see cref="ProviderCallException"/>s a person can act on.</summary>
internal static partial class ProviderErrors
{
    private const int MaxProviderMessageLength = 300;

    /// <summary>
    /// The mapped failure, or null for exceptions that are not provider failures (including the caller's cancellation).
    /// <paramref name="apiKey"/> is the key the call sent: a provider that echoes it gets it masked, whatever its format.
    /// </summary>
    public static ProviderCallException? Map(Exception exception, ModelDefinition model, string? apiKey, CancellationToken callerToken) =>
        Map(exception, model.Provider, model.ProviderModelId, apiKey, callerToken);

    /// <summary>
    /// As <see cref="Map(Exception, ModelDefinition, string?, CancellationToken)"/>, for a call about the provider
    /// rather than one model (listing its models) when <paramref name="providerModelId"/> is null:
    /// a 404 then means the base URL has no such endpoint.
    /// </summary>
    public static ProviderCallException? Map(Exception exception, ModelProvider provider, string? providerModelId, string? apiKey, CancellationToken callerToken) =>
        exception switch
        {
            OperationCanceledException when callerToken.IsCancellationRequested => null,
            OperationCanceledException or TimeoutException => new ProviderCallException(
                ProviderFailure.Timeout, null,
                $"Provider '{provider.Name}' did not answer within {provider.TimeoutSeconds} seconds. Try again, or raise the provider's timeout.",
                exception),
            ClientResultException { Status: > 0 } result => FromStatus(result.Status, ProviderMessage(result, apiKey), provider, providerModelId, exception)
                .WithRetryAfter(RetryAfter(result)),
            ClientResultException { InnerException: { } inner } => Map(inner, provider, providerModelId, apiKey, callerToken),
            HttpRequestException { InnerException: ProviderAddressRefusedException refused } => new ProviderCallException(
                ProviderFailure.AddressRefused, null, $"Provider '{provider.Name}' was not called. {refused.Message}", exception),
            HttpRequestException { StatusCode: { } status } http => FromStatus((int)status, Redact(http.Message, apiKey), provider, providerModelId, exception),
            HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded }
                or HttpRequestException { InnerException: IOException }
                or IOException => BrokeOff(provider, exception),
            HttpRequestException http => Unreachable(provider, http.HttpRequestError.ToString(), exception),
            ClientResultException => Unreachable(provider, "no response", exception),

            // OllamaSharp's word for a 400 answer; the other statuses arrive as HttpRequestException.
            ResponseError ollama => FromStatus(400, Redact(ollama.Message, apiKey), provider, providerModelId, exception),

            // A 200 that is not the API: a web page, a proxy's login form, another product's JSON.
            JsonException or FormatException => new ProviderCallException(
                ProviderFailure.ProviderError, null,
                $"Provider '{provider.Name}' answered, but its answer could not be read as a model API response. Check the base URL and the provider's kind.",
                exception),
            _ => null,
        };

    private static ProviderCallException FromStatus(int status, string? providerMessage, ModelProvider modelProvider, string? providerModelId, Exception inner)
    {
        var provider = modelProvider.Name;
        var said = string.IsNullOrWhiteSpace(providerMessage) ? string.Empty : $" The provider said: \"{providerMessage}\"";
        return status switch
        {
            401 or 403 => new(ProviderFailure.Unauthorized, status,
                $"Provider '{provider}' refused the API key (HTTP {status}). Check the key on the Models page.", inner),
            404 when providerModelId is null => new(ProviderFailure.NotFound, status,
                $"Provider '{provider}' has no model list at {modelProvider.BaseUrl ?? "its default address"} (HTTP 404). Check the base URL: OpenAI-compatible servers usually end in /v1.{said}", inner),
            404 => new(ProviderFailure.NotFound, status,
                $"Provider '{provider}' does not know model '{providerModelId}' (HTTP 404). Check the model id, or test the provider's connection to list its models.{said}", inner),
            408 => new(ProviderFailure.Timeout, status,
                $"Provider '{provider}' timed out (HTTP 408). Try again.", inner),
            429 => new(ProviderFailure.RateLimited, status,
                $"Provider '{provider}' is limiting the rate (HTTP 429). Wait a moment and try again.{said}", inner),
            >= 500 => new(ProviderFailure.ProviderError, status,
                $"Provider '{provider}' failed (HTTP {status}). Try again; if it keeps failing, check the provider's status.{said}", inner),
            _ => new(ProviderFailure.InvalidRequest, status,
                $"Provider '{provider}' rejected the request (HTTP {status}).{said}", inner),
        };
    }

    private static ProviderCallException BrokeOff(ModelProvider provider, Exception inner) =>
        new(ProviderFailure.ProviderError, null,
            $"The connection to provider '{provider.Name}' broke off before the answer was complete. Try again; if it keeps happening, check the server's logs.",
            inner);

    private static ProviderCallException Unreachable(ModelProvider provider, string reason, Exception inner) =>
        new(ProviderFailure.Unreachable, null,
            $"Provider '{provider.Name}' cannot be reached at {provider.BaseUrl ?? "its default address"} ({reason}). Check the base URL and that the server is running.",
            inner);

    /// <summary>How long the provider asks callers to wait (<c>Retry-After</c> in seconds or as a date), if it says.</summary>
    private static TimeSpan? RetryAfter(ClientResultException exception)
    {
        if (exception.GetRawResponse()?.Headers.TryGetValue("Retry-After", out var value) != true || value is null)
        {
            return null;
        }

        if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
        }

        return DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? (at - DateTimeOffset.UtcNow) is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero
            : null;
    }

    /// <summary>The provider's own error message from an OpenAI-style body.</summary>
    private static string? ProviderMessage(ClientResultException exception, string? apiKey)
    {
        try
        {
            var content = exception.GetRawResponse()?.Content;
            if (content is null)
            {
                return null;
            }

            using var json = JsonDocument.Parse(content.ToMemory());
            var message = json.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("message", out var text)
                ? text.GetString()
                : null;
            return Redact(message, apiKey);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A provider's message, shortened, with the key the call sent and anything else key-like masked.</summary>
    private static string? Redact(string? message, string? apiKey)
    {
        if (message is null)
        {
            return null;
        }

        if (!string.IsNullOrEmpty(apiKey))
        {
            message = message.Replace(apiKey, "[redacted]", StringComparison.Ordinal);
        }

        message = KeyLike().Replace(message, "[redacted]");
        return message.Length <= MaxProviderMessageLength ? message : $"{message[..MaxProviderMessageLength]}…";
    }

    [GeneratedRegex(@"\b(sk|ainp|key)[-_][A-Za-z0-9_\-\*\.]{6,}", RegexOptions.IgnoreCase)]
    private static partial Regex KeyLike();
}

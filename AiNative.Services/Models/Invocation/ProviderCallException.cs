using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Models.Invocation;

/// <summary>A provider call that failed, with the provider's status and words that say what to do next.</summary>
public sealed class ProviderCallException(ProviderFailure failure, int? providerStatus, string message, Exception? inner = null)
    : PortalException(message, inner)
{
    public ProviderFailure Failure { get; } = failure;

    /// <summary>The provider's HTTP status, when it answered at all.</summary>
    public int? ProviderStatus { get; } = providerStatus;

    /// <summary>How long the provider asked callers to wait before trying again (its <c>Retry-After</c>), if it said.</summary>
    public TimeSpan? RetryAfter { get; private set; }

    /// <summary>
    /// The <see cref="ModelCall"/> record of the failed call, set by <see cref="ModelInvoker"/>; null for
    /// failures outside a model call, such as listing a provider's models.
    /// </summary>
    public Guid? CallId { get; internal set; }

    /// <summary>Worth retrying after a pause: rate limits, provider errors, timeouts, unreachable servers.</summary>
    public bool IsTransient => Failure is ProviderFailure.RateLimited or ProviderFailure.ProviderError
        or ProviderFailure.Timeout or ProviderFailure.Unreachable;

    internal ProviderCallException WithRetryAfter(TimeSpan? retryAfter)
    {
        RetryAfter = retryAfter;
        return this;
    }

    /// <summary>Whether the request itself was too long for the model: worth trying a model with a larger context.</summary>
    public bool IsContextLengthExceeded => Failure == ProviderFailure.InvalidRequest
        && Message.Contains("context", StringComparison.OrdinalIgnoreCase);

    public override int StatusCode => Failure switch
    {
        ProviderFailure.RateLimited => 429,
        ProviderFailure.Timeout => 504,
        _ => 502,
    };

    public override string Title => Failure switch
    {
        ProviderFailure.Unauthorized => "The provider refused the API key",
        ProviderFailure.NotFound => "The provider does not know this model",
        ProviderFailure.RateLimited => "The provider is limiting the rate",
        ProviderFailure.ProviderError => "The provider failed",
        ProviderFailure.Timeout => "The provider did not answer in time",
        ProviderFailure.Unreachable => "The provider cannot be reached",
        ProviderFailure.AddressRefused => "The portal refuses the provider's address",
        _ => "The provider rejected the request",
    };
}

namespace AiNative.Services.Models.Invocation;

/// <summary>Why a provider call failed, in the terms a person fixes it by.</summary>
public enum ProviderFailure
{
    /// <summary>The provider refused the key (401/403).</summary>
    Unauthorized = 1,

    /// <summary>The provider does not know the model or the endpoint (404).</summary>
    NotFound = 2,

    /// <summary>The provider limits the rate (429).</summary>
    RateLimited = 3,

    /// <summary>The provider failed (5xx).</summary>
    ProviderError = 4,

    /// <summary>The provider did not answer in time.</summary>
    Timeout = 5,

    /// <summary>The address cannot be reached (DNS, refused connection, TLS).</summary>
    Unreachable = 6,

    /// <summary>The provider rejected the request (400 and other 4xx).</summary>
    InvalidRequest = 7,

    /// <summary>The portal refused to connect: the address is link-local or a cloud metadata service.</summary>
    AddressRefused = 8,
}

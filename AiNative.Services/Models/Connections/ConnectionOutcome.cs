namespace AiNative.Services.Models.Connections;

/// <summary>What testing a provider's connection found, in the words a person fixes it by.</summary>
public enum ConnectionOutcome
{
    Reachable = 1,

    /// <summary>The provider refused the key (401/403).</summary>
    Unauthorized = 2,

    /// <summary>Nothing at the base URL (404), or the provider does not know the model tried.</summary>
    NotFound = 3,

    TimedOut = 4,

    /// <summary>Nobody answers at the address (DNS, refused connection, TLS).</summary>
    Unreachable = 5,

    RateLimited = 6,

    /// <summary>The provider failed (5xx).</summary>
    ProviderError = 7,

    /// <summary>The provider rejected the request (400 and other 4xx).</summary>
    Rejected = 8,

    /// <summary>The portal did not connect: the address is link-local or a cloud metadata service.</summary>
    AddressRefused = 9,
}

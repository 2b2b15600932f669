namespace AiNative.Portal.Client.Contracts.Models;

/// <summary>What testing a provider found.</summary>
public enum ConnectionOutcomeDto
{
    Reachable = 1,
    Unauthorized = 2,
    NotFound = 3,
    TimedOut = 4,
    Unreachable = 5,
    RateLimited = 6,
    ProviderError = 7,
    Rejected = 8,

    /// <summary>The portal did not connect: link-local or cloud metadata address.</summary>
    AddressRefused = 9,
}

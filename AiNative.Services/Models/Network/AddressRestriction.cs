namespace AiNative.Services.Models.Network;

/// <summary>Why an address is refused as a provider address.</summary>
public enum AddressRestriction
{
    /// <summary>169.254.0.0/16 or fe80::/10: the host's own link, where metadata services answer.</summary>
    LinkLocal = 1,

    /// <summary>A cloud provider's instance metadata endpoint (credentials, tokens, user data).</summary>
    CloudMetadata = 2,

    /// <summary>0.0.0.0/8 or <c>::</c>, which connect to the portal's own host.</summary>
    Unspecified = 3,
}

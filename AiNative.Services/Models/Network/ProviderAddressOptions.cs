namespace AiNative.Services.Models.Network;

/// <summary>Which provider addresses an administrator allows beyond the default policy.</summary>
public sealed class ProviderAddressOptions
{
    public const string Section = "Portal:Security";

    /// <summary>
    /// Allows link-local, cloud metadata and unspecified addresses as provider base URLs. Off by
    /// default: those addresses reach the host's metadata service (credentials) rather than a model.
    /// </summary>
    public bool AllowLinkLocalProviders { get; set; }

    /// <summary>The setting's full name, for messages that tell an administrator what to change.</summary>
    public static string AllowanceSetting => $"{Section}:{nameof(AllowLinkLocalProviders)}=true";
}

namespace AiNative.Services.Platform.KeyRing;

/// <summary>A PKCS#12 (<c>.pfx</c>) file with a certificate and its private key.</summary>
public sealed class CertificateFile
{
    /// <summary>Relative paths are under the content root, like the data folder.</summary>
    public string Path { get; set; } = "";

    /// <summary>The file's password, if it has one; pass it through an environment variable or a secret store.</summary>
    public string? Password { get; set; }
}

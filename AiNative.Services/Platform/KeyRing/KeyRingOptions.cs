namespace AiNative.Services.Platform.KeyRing;

/// <summary>
/// How the Data Protection key ring (kept in the database, shared by every replica) is protected at rest;
/// bound from <c>Portal:DataProtection</c>. Its keys encrypt the sign-in cookies and the stored provider
/// API keys.
/// </summary>
/// <remarks>
/// Without a <see cref="Certificate"/> or a <see cref="Key"/> the keys are stored as they are: whoever reads the
/// database (a backup, a copy of <c>portal.db</c>) can decrypt the cookies and secrets it protects. With either,
/// new keys are encrypted and the database alone is not enough; but every replica needs the certificate or key,
/// and a lost one loses the keys it encrypted (everyone signs in again and the provider API keys must be entered
/// again). Keys are never re-encrypted, so after a change keep the old certificate in
/// <see cref="RetiredCertificates"/>, the old key in <see cref="RetiredKeys"/>.
/// </remarks>
public sealed class KeyRingOptions
{
    public const string Section = "Portal:DataProtection";

    /// <summary>The certificate that encrypts new keys, and reads the keys it encrypted; none by default.</summary>
    public CertificateFile? Certificate { get; set; }

    /// <summary>Certificates used before <see cref="Certificate"/>: still read the keys they encrypted, encrypt nothing.</summary>
    public List<CertificateFile> RetiredCertificates { get; set; } = [];

    /// <summary>
    /// 32 random bytes in base64 (<c>openssl rand -base64 32</c>) that encrypt new keys with AES-256-GCM, instead of a
    /// certificate; pass it through an environment variable or a secret store. None by default.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>Keys used before <see cref="Key"/>: still read the keys they encrypted, encrypt nothing.</summary>
    public List<string> RetiredKeys { get; set; } = [];
}

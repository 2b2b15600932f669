namespace AiNative.Services.Platform.KeyRing;

/// <summary>
/// How the Data Protection key ring (kept in the database, shared by every replica) is protected at rest;
/// bound from <c>Portal:DataProtection</c>. Its keys encrypt the sign-in cookies and the stored provider
/// API keys.
/// </summary>
/// <remarks>
/// Without a <see cref="Certificate"/> the keys are stored as they are: whoever reads the database (a
/// backup, a copy of <c>portal.db</c>) can decrypt the cookies and secrets it protects. With one, new keys
/// are encrypted with the certificate and the database alone is not enough; but every replica needs the
/// certificate, and a lost certificate loses the keys it encrypted (everyone signs in again and the
/// provider API keys must be entered again). Keys are never re-encrypted, so after a change of
/// certificate keep the old one in <see cref="RetiredCertificates"/>.
/// </remarks>
public sealed class KeyRingOptions
{
    public const string Section = "Portal:DataProtection";

    /// <summary>The certificate that encrypts new keys, and reads the keys it encrypted; none by default.</summary>
    public CertificateFile? Certificate { get; set; }

    /// <summary>Certificates used before <see cref="Certificate"/>: still read the keys they encrypted, encrypt nothing.</summary>
    public List<CertificateFile> RetiredCertificates { get; set; } = [];
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using AiNative.Services.Platform.Errors;

namespace AiNative.Services.Platform.Secrets;

/// <summary>
/// Encrypts secrets such as provider API keys at rest with ASP.NET Core Data Protection
/// (keys kept in the portal database). Plain secrets never leave this class except to the
/// provider client that needs them.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("AiNative.Secrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret)
    {
        try
        {
            return _protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException e)
        {
            throw new ConflictException(
                "A stored secret cannot be decrypted: the data-protection keys changed. Enter the secret again.", e);
        }
    }

    /// <summary>What the UI may show of a secret: its last four characters.</summary>
    public static string Hint(string secret) => secret.Length <= 8 ? "••••" : $"••••{secret[^4..]}";
}

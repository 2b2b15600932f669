using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace AiNative.Services.Platform.KeyRing;

/// <summary>
/// Reads key ring keys that <see cref="KeyRingXmlEncryptor"/> wrote, with the configured key whose fingerprint they
/// name. Data Protection creates it by its type name, passing the portal's services.
/// </summary>
public sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    private readonly KeyRingKeys _keys = services.GetRequiredService<KeyRingKeys>();

    public XElement Decrypt(XElement encryptedElement) => Decrypt(encryptedElement, _keys);

    /// <summary>The plain key element, or a <see cref="CryptographicException"/> that says which key it needs.</summary>
    internal static XElement Decrypt(XElement encryptedElement, KeyRingKeys keys)
    {
        var fingerprint = (string?)encryptedElement.Attribute(KeyRingXmlEncryptor.FingerprintAttribute) ?? string.Empty;
        var key = keys.Find(fingerprint) ?? throw new CryptographicException(
            $"A key ring key is encrypted with the configured key {fingerprint}, but {keys.Describe()}. "
            + $"Set {KeyRingKeys.KeySetting} to the key it was written with, or keep that key under {KeyRingKeys.RetiredSetting}.");
        var nonce = Convert.FromBase64String((string)encryptedElement.Attribute(KeyRingXmlEncryptor.NonceAttribute)!);
        var tag = Convert.FromBase64String((string)encryptedElement.Attribute(KeyRingXmlEncryptor.TagAttribute)!);
        var ciphertext = Convert.FromBase64String(encryptedElement.Value);
        var plaintext = new byte[ciphertext.Length];
        try
        {
            using var aes = new AesGcm(key.Material, tag.Length);
            aes.Decrypt(nonce, ciphertext, tag, plaintext, KeyRingXmlEncryptor.AssociatedData);
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new CryptographicException(
                $"A key ring key encrypted with the configured key {fingerprint} does not decrypt with it: the stored key was changed or damaged.", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}

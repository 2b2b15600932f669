using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace AiNative.Services.Platform.KeyRing;

/// <summary>
/// Encrypts each new key ring key with a key from configuration (AES-256-GCM, a fresh nonce per key), so that the
/// database alone does not hold what decrypts the cookies and the provider API keys. <see cref="KeyRingXmlDecryptor"/>
/// reads it back.
/// </summary>
public sealed class KeyRingXmlEncryptor(KeyRingKey key) : IXmlEncryptor
{
    internal static readonly XNamespace Namespace = "urn:ainative:key-ring";
    internal static readonly XName Element = Namespace + "encryptedKey";
    internal const string FingerprintAttribute = "key";
    internal const string NonceAttribute = "nonce";
    internal const string TagAttribute = "tag";

    /// <summary>Binds the ciphertext to its purpose: a key ring element, not any other text this key might encrypt.</summary>
    internal static readonly byte[] AssociatedData = "AiNative.Portal key ring v1"u8.ToArray();

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using (var aes = new AesGcm(key.Material, tag.Length))
        {
            aes.Encrypt(nonce, plaintext, ciphertext, tag, AssociatedData);
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(Element,
            new XAttribute(FingerprintAttribute, key.Fingerprint),
            new XAttribute(NonceAttribute, Convert.ToBase64String(nonce)),
            new XAttribute(TagAttribute, Convert.ToBase64String(tag)),
            Convert.ToBase64String(ciphertext));
        return new EncryptedXmlInfo(element, typeof(KeyRingXmlDecryptor));
    }
}

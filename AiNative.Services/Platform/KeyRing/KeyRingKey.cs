using System.Security.Cryptography;

namespace AiNative.Services.Platform.KeyRing;

/// <summary>
/// A 256-bit key from configuration that encrypts the key ring (<see cref="KeyRingXmlEncryptor"/>). Its
/// <see cref="Fingerprint"/> is stored beside what it encrypted, so that the right key is picked and a wrong one is
/// named; the key itself never leaves the process.
/// </summary>
public sealed class KeyRingKey
{
    public const int Bytes = 32;

    private const int FingerprintBytes = 8;

    private KeyRingKey(byte[] material)
    {
        Material = material;
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(material).AsSpan(0, FingerprintBytes));
    }

    internal byte[] Material { get; }

    /// <summary>The first 8 bytes of the key's SHA-256, in hex: names the key without telling it.</summary>
    public string Fingerprint { get; }

    /// <summary>Reads a base64 key; a value that is not 32 bytes of base64 stops the start, naming <paramref name="setting"/> and never the value.</summary>
    public static KeyRingKey Parse(string value, string setting)
    {
        var buffer = new byte[value.Length];
        if (!Convert.TryFromBase64String(value.Trim(), buffer, out var length))
        {
            throw Malformed(setting, "is not base64");
        }

        return length == Bytes ? new KeyRingKey(buffer[..length]) : throw Malformed(setting, $"decodes to {length} bytes");
    }

    private static InvalidOperationException Malformed(string setting, string problem) => new(
        $"{setting} must be {Bytes} random bytes written in base64 (44 characters), such as the output of 'openssl rand -base64 {Bytes}'; "
        + $"the value set {problem}. The portal did not start.");
}

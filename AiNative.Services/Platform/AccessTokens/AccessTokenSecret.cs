using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace AiNative.Services.Platform.AccessTokens;

/// <summary>
/// The format of personal access tokens: <c>ainp_</c> and 32 random bytes in base64url. The
/// prefix lets secret scanners and the portal recognise them; the randomness makes a hash without
/// salt safe to store and to look up.
/// </summary>
public static class AccessTokenSecret
{
    public const string Prefix = "ainp_";

    private const int RandomBytes = 32;
    private const int DisplayCharacters = 6;

    public static string Generate() => Prefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(RandomBytes));

    public static bool LooksLikeToken(string? value) =>
        value is not null && value.StartsWith(Prefix, StringComparison.Ordinal) && value.Length > Prefix.Length + DisplayCharacters;

    /// <summary>Lower-case hex SHA-256 of the whole token.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string DisplayPrefix(string token) => token[..(Prefix.Length + DisplayCharacters)];
}

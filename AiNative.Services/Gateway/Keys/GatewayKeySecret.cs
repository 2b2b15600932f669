using System.Security.Cryptography;
using AiNative.Services.Platform.AccessTokens;
using Microsoft.AspNetCore.WebUtilities;

namespace AiNative.Services.Gateway.Keys;

/// <summary>
/// The format of gateway keys: <c>aigw_</c> and 32 random bytes in base64url, hashed as access tokens are.
/// A prefix of its own tells a leaked gateway key from a personal token at a glance.
/// </summary>
public static class GatewayKeySecret
{
    public const string Prefix = "aigw_";

    private const int DisplayCharacters = 6;

    public static string Generate() => Prefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static bool LooksLikeKey(string? value) =>
        value is not null && value.StartsWith(Prefix, StringComparison.Ordinal) && value.Length > Prefix.Length + DisplayCharacters;

    public static string Hash(string key) => AccessTokenSecret.Hash(key);

    public static string DisplayPrefix(string key) => key[..(Prefix.Length + DisplayCharacters)];
}

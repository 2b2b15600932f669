using System.Security.Cryptography;

namespace AiNative.Services.Teams;

/// <summary>
/// Passwords an administrator hands over once: random, long enough for the password rules, and
/// without look-alike characters (0/O, 1/l/I) so they can be read out or typed from a screen.
/// </summary>
public static class OneTimePassword
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int Groups = 4;
    private const int GroupLength = 5;

    /// <summary>Four groups of five, such as <c>k3Xmp-Qr7tz-…</c>: about 114 bits of entropy.</summary>
    public static string Generate() =>
        string.Join('-', Enumerable.Range(0, Groups).Select(_ => RandomNumberGenerator.GetString(Alphabet, GroupLength)));
}

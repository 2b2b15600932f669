using System.Text.RegularExpressions;

namespace AiNative.Services.Prompts;

/// <summary>What a label may be called: <c>production</c>, <c>staging</c>, or a custom lower-case name.</summary>
public static partial class LabelNames
{
    public const string Production = "production";

    public const string Staging = "staging";

    /// <summary>Reserved: it always means the newest version, so no label may take it.</summary>
    public const string Latest = "latest";

    public const int MaxLength = 40;

    /// <summary>The message for a name that breaks the rule, or null when the name is allowed.</summary>
    public static string? Problem(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "Enter a label name, such as production or staging."
        : name == Latest ? "'latest' always means the newest version, so a label cannot take it. Choose another name."
        : !Pattern().IsMatch(name) ? $"'{name}' is not a valid label name: use 1–{MaxLength} lower-case letters, digits and hyphens, starting with a letter or digit (such as production or canary-2)."
        : null;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex Pattern();
}

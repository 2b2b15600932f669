using System.Globalization;
using AiNative.Services.Prompts;

namespace AiNative.Services.Gateway.Routes;

/// <summary>
/// A prompt of the registry named as a model or as a route's target: <c>prompt:name@label</c> follows a label (read
/// for every request, so moving it is a hot swap; <c>@latest</c> is the newest version), <c>prompt:name#3</c> pins
/// version 3, and <c>prompt:name</c> means <c>prompt:name@production</c>.
/// </summary>
public sealed record PromptReference(string Name, string? Label, int? Version)
{
    public const string Prefix = "prompt:";

    public const string DefaultLabel = LabelNames.Production;

    public const string Syntax = "prompt:<name>@<label> (follows the label) or prompt:<name>#<version> (pins a version)";

    public static bool IsPrompt(string? model) => model?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>Reads a reference; answers null with the reason when it is not one.</summary>
    public static PromptReference? Parse(string? text, out string? problem)
    {
        problem = null;
        if (!IsPrompt(text))
        {
            problem = $"'{text}' is not a prompt: write {Syntax}.";
            return null;
        }

        var rest = text![Prefix.Length..];
        var hash = rest.LastIndexOf('#');
        if (hash > 0 && rest[(hash + 1)..] is { Length: > 0 } digits && digits.All(char.IsAsciiDigit))
        {
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
            {
                problem = $"'{text}' pins version {digits}: versions are numbered from 1.";
                return null;
            }

            return new PromptReference(rest[..hash], null, version);
        }

        var at = rest.LastIndexOf('@');
        var (name, label) = at < 0 ? (rest, DefaultLabel) : (rest[..at], rest[(at + 1)..]);
        if (string.IsNullOrWhiteSpace(name))
        {
            problem = $"'{text}' names no prompt: write {Syntax}.";
            return null;
        }

        if (label != LabelNames.Latest && LabelNames.Problem(label) is { } labelProblem)
        {
            problem = $"'{text}': {labelProblem}";
            return null;
        }

        return new PromptReference(name, label, null);
    }

    /// <summary>The reference as an application writes it, with the label spelled out.</summary>
    public override string ToString() => Version is { } version
        ? $"{Prefix}{Name}#{version.ToString(CultureInfo.InvariantCulture)}"
        : $"{Prefix}{Name}@{Label}";
}

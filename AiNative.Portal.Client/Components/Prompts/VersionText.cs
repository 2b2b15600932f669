using System.Globalization;
using AiNative.Portal.Client.Contracts.Prompts;

namespace AiNative.Portal.Client.Components.Prompts;

/// <summary>The parts of a version that are not templates, as lines of text to compare.</summary>
public static class VersionText
{
    /// <summary>One line per variable: name, default (newlines shown as \n) and description.</summary>
    public static string Variables(PromptVersionDto version) =>
        string.Join('\n', version.Variables.Select(v =>
            $"{v.Name} = {(v.DefaultValue is null ? "(no default)" : Quoted(v.DefaultValue))}" +
            (string.IsNullOrWhiteSpace(v.Description) ? string.Empty : $"  — {v.Description}")));

    public static string Settings(PromptVersionDto version) =>
        string.Join('\n',
            $"Model: {version.ModelName ?? "none (chosen when running)"}",
            $"Temperature: {Number(version.Settings.Temperature)}",
            $"Top-p: {Number(version.Settings.TopP)}",
            $"Max output tokens: {version.Settings.MaxOutputTokens?.ToString(CultureInfo.InvariantCulture) ?? "model default"}",
            $"Response format: {version.Settings.ResponseFormat}");

    private static string Number(float? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "model default";

    private static string Quoted(string value) => $"\"{value.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}\"";
}

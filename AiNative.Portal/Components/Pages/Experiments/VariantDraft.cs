using AiNative.Portal.Client.Contracts.Experiments;

namespace AiNative.Portal.Components.Pages.Experiments;

/// <summary>
/// One variant as the form holds it. <see cref="Choice"/> is a version (<c>v3</c>) or a label (<c>label:production</c>),
/// as the version picker offers them; an empty model runs on the version's own.
/// </summary>
public sealed class VariantDraft
{
    private const string LabelPrefix = "label:";

    public Guid? PromptId { get; set; }

    public string? Choice { get; set; }

    public Guid? ModelId { get; set; }

    public float? Temperature { get; set; }

    public int? MaxOutputTokens { get; set; }

    public string? Name { get; set; }

    public static string Version(int number) => $"v{number}";

    public static string Label(string name) => LabelPrefix + name;

    public VariantRequest ToRequest()
    {
        int? version = Choice is { } c && c.StartsWith('v') && int.TryParse(c.AsSpan(1), out var number) ? number : null;
        var label = Choice is { } l && l.StartsWith(LabelPrefix, StringComparison.Ordinal) ? l[LabelPrefix.Length..] : null;
        return new VariantRequest(PromptId ?? Guid.Empty, version, label, ModelId, Temperature, null, MaxOutputTokens, string.IsNullOrWhiteSpace(Name) ? null : Name.Trim());
    }
}

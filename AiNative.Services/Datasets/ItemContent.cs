using System.Text.Json.Nodes;

namespace AiNative.Services.Datasets;

/// <summary>What one item holds, as a form, an import row or a trace gives it; <see cref="ItemRules"/> checks it.</summary>
public sealed record ItemContent
{
    /// <summary>The input variables: name → value (a string for a prompt's template, or any JSON).</summary>
    public JsonObject Variables { get; init; } = [];

    public string? ExpectedOutput { get; init; }

    public IReadOnlyList<string> ExpectedSources { get; init; } = [];

    public JsonObject Metadata { get; init; } = [];
}

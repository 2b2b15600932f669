using AiNative.Portal.Client.Contracts.Traces;

namespace AiNative.Portal.Components.Pages.Traces;

/// <summary>What the score definition dialog edits; categories are typed one per line or separated by commas.</summary>
public sealed class ScoreDefinitionForm
{
    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    public ScoreDataTypeDto DataType { get; set; } = ScoreDataTypeDto.Numeric;

    public double? Minimum { get; set; }

    public double? Maximum { get; set; }

    public string Categories { get; set; } = string.Empty;

    public CreateScoreDefinitionRequest ToRequest() => new(
        Name,
        DataType,
        string.IsNullOrWhiteSpace(Description) ? null : Description,
        DataType == ScoreDataTypeDto.Numeric ? Minimum : null,
        DataType == ScoreDataTypeDto.Numeric ? Maximum : null,
        DataType == ScoreDataTypeDto.Categorical
            ? [.. Categories.Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : null);
}

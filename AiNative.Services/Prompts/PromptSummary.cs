namespace AiNative.Services.Prompts;

/// <summary>A prompt in the team's list: its newest version number and where its labels point.</summary>
public sealed record PromptSummary(
    Guid Id,
    string Name,
    string? Description,
    int? LatestVersion,
    IReadOnlyList<LabelPointer> Labels,
    DateTimeOffset UpdatedAt);

namespace AiNative.Portal.Client.Contracts.Prompts;

/// <summary>A prompt with all its versions (newest first) and its labels.</summary>
public sealed record PromptDetailsDto(
    Guid Id,
    string Name,
    string? Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<PromptVersionDto> Versions,
    IReadOnlyList<PromptLabelDto> Labels)
{
    public PromptVersionDto? Latest => Versions.Count == 0 ? null : Versions[0];
}

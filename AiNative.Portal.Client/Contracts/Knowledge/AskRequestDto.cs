namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>A question to a base; a null chat model means the team's offline chat model.</summary>
public sealed record AskRequestDto(
    string Index,
    string Question,
    Guid? ChatModelId = null,
    int? Sources = null,
    double? MinRelevance = null,
    SearchModeDto Mode = SearchModeDto.Hybrid,
    IReadOnlyDictionary<string, List<string>>? Tags = null,
    IReadOnlyList<Guid>? DocumentIds = null);

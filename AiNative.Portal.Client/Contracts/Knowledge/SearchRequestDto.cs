namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>
/// A search of one base. <see cref="Tags"/> keeps documents that have, for every key, one of its
/// values; <see cref="MinRelevance"/> is from 0 to 1; <see cref="Limit"/> is the top-k.
/// </summary>
public sealed record SearchRequestDto(
    string Index,
    string Query,
    SearchModeDto Mode = SearchModeDto.Hybrid,
    int Limit = 5,
    double MinRelevance = 0,
    IReadOnlyDictionary<string, List<string>>? Tags = null,
    IReadOnlyList<Guid>? DocumentIds = null);

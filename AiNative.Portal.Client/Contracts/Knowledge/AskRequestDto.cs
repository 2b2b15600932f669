using System.Text.Json.Serialization;

namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>
/// A question to a base; a null chat model means the team's offline chat model. <see cref="Filters"/> is
/// Kernel Memory's list of tag filters, as in <see cref="SearchRequestDto"/>; unknown fields are refused.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AskRequestDto(
    string Index,
    string Question,
    Guid? ChatModelId = null,
    int? Sources = null,
    double? MinRelevance = null,
    [property: JsonConverter(typeof(NamedEnumConverter<SearchModeDto>))] SearchModeDto Mode = SearchModeDto.Hybrid,
    IReadOnlyDictionary<string, List<string>>? Tags = null,
    IReadOnlyList<Guid>? DocumentIds = null,
    IReadOnlyList<Dictionary<string, List<string>>>? Filters = null,
    IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Args = null);

using System.Text.Json.Serialization;

namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>
/// A search of one base. <see cref="Tags"/> keeps documents that have, for every key, one of its
/// values; <see cref="Filters"/> is Kernel Memory's list of tag filters (a document needs every tag of one
/// filter, any filter will do); <see cref="MinRelevance"/> is from 0 to 1; <see cref="Limit"/> is the top-k.
/// A field the API does not know is refused, so that a misspelt filter never returns unfiltered data.
/// <see cref="Args"/> is Kernel Memory's per-request handler arguments: its clients send an empty object,
/// which is accepted; arguments the portal cannot honour are refused rather than ignored.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SearchRequestDto(
    string Index,
    string Query,
    [property: JsonConverter(typeof(NamedEnumConverter<SearchModeDto>))] SearchModeDto Mode = SearchModeDto.Hybrid,
    int Limit = 5,
    double MinRelevance = 0,
    IReadOnlyDictionary<string, List<string>>? Tags = null,
    IReadOnlyList<Guid>? DocumentIds = null,
    IReadOnlyList<Dictionary<string, List<string>>>? Filters = null,
    IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Args = null);

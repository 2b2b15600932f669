namespace AiNative.Portal.Client.Contracts.Knowledge;

public sealed record SetTagsRequest(IReadOnlyDictionary<string, List<string>> Tags);

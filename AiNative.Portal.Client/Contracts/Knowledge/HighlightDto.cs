namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>A matched span of a hit's text, in UTF-16 code units.</summary>
public sealed record HighlightDto(int Start, int Length);

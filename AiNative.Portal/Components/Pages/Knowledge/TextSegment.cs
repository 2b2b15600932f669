namespace AiNative.Portal.Components.Pages.Knowledge;

/// <summary>A run of a hit's text, matched by the query or not.</summary>
public sealed record TextSegment(string Text, bool Matched);

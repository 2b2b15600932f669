namespace AiNative.Services.Knowledge.Search;

/// <summary>A span of a hit's text, in UTF-16 code units, that matched the query.</summary>
public sealed record TextRange(int Start, int Length);

namespace AiNative.Services.Knowledge.Search;

/// <summary>Where a search spent its time: embedding the query, the vector scan, the keyword query, and in all.</summary>
public sealed record SearchTiming(TimeSpan Embedding, TimeSpan Vector, TimeSpan Keyword, TimeSpan Total);

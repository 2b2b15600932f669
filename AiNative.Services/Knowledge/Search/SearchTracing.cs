using AiNative.Services.Traces;

namespace AiNative.Services.Knowledge.Search;

/// <summary>Where a search is recorded: as an observation named <paramref name="Name"/> of <paramref name="Trace"/>, under <paramref name="ParentId"/>.</summary>
public sealed record SearchTracing(ActiveTrace Trace, Guid? ParentId, string Name);

namespace AiNative.Services.Knowledge.Search;

/// <summary>A row of a vector segment and its similarity to the query.</summary>
public readonly record struct ScoredSlot(int Slot, float Score);

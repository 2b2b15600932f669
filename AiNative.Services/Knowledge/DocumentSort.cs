namespace AiNative.Services.Knowledge;

/// <summary>What a page of documents is ordered by.</summary>
public enum DocumentSort
{
    Added = 1,
    Name = 2,
    Size = 3,
    Chunks = 4,
}

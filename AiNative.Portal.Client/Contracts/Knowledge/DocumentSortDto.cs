namespace AiNative.Portal.Client.Contracts.Knowledge;

public enum DocumentSortDto
{
    Added = 1,
    Name = 2,
    Size = 3,
    Chunks = 4,
}

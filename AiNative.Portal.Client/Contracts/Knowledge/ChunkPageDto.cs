namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>A page of a document's searchable chunks, in order, and how many it has.</summary>
public sealed record ChunkPageDto(IReadOnlyList<ChunkDto> Items, int Total, int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
}

namespace AiNative.Portal.Client.Contracts.Knowledge;

/// <summary>A page of a document's text as extraction read it, with the size of the whole text and a PDF's pages.</summary>
public sealed record ExtractedTextDto(IReadOnlyList<ExtractedSectionDto> Sections, int TotalSections, int Page, int PageSize, long Characters, int? Pages)
{
    public const int DefaultPageSize = 50;
}

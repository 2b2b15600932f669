using AiNative.Portal.Client.Contracts.Knowledge;

namespace AiNative.Portal.Tests.Knowledge;

/// <summary>Knowledge records for component tests.</summary>
internal static class KnowledgeSamples
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 9, 30, 0, TimeSpan.Zero);

    /// <summary>The document of the sample hits.</summary>
    public static Guid NotesId { get; } = Guid.CreateVersion7();

    public static KnowledgeBaseDto Base() => new(
        Guid.CreateVersion7(), "Support", null, Guid.CreateVersion7(), "offline-embed", new PartitioningDto(300, 40, SplitterDto.Markdown),
        1, false, null, null, 0, 0, 0, 0, 0, Now, Now);

    public static DocumentDto Document(string fileName, DocumentStatusDto status, string? error = null) => new(
        Guid.CreateVersion7(), "Support", Guid.CreateVersion7(), fileName, "text/markdown", 2_048, "ab12", new Dictionary<string, List<string>>(),
        status, status == DocumentStatusDto.Processing ? "embed" : null, 0.5, error, 3, 120, status == DocumentStatusDto.Ready,
        status == DocumentStatusDto.Failed, ["extract", "partition", "embed", "save"], [], [], Now, Now);

    public static SearchHitDto Hit(string text, params HighlightDto[] highlights) => new(
        7, NotesId, "notes.md", 2, text, null, "Refunds", 0.72, 0.61, 3.2, 0.0325, 1, ["refund"], highlights,
        new Dictionary<string, List<string>>());

    public static SearchResultDto Result(SearchRequestDto request, IReadOnlyList<SearchHitDto> hits, string? message = null) => new(
        "Support", Guid.CreateVersion7(), request.Query, request.Mode, hits.Count == 0, message, hits, new SearchTimingDto(1, 1, 1, 3));

    public static AnswerDto NoAnswer(string question) => new(
        "Support", Guid.CreateVersion7(), question, "The knowledge base 'Support' has nothing relevant to this question, so there is no answer from it.",
        true, "Nothing in 'Support' is relevant enough to this question.", [], null, 0, 0, 0, 2, null);
}

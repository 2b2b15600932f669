using AiNative.Services.Knowledge.Search;

namespace AiNative.Services.Knowledge.Answers;

/// <summary>A question to a base; unset values take the portal's defaults (the team's offline chat model, five sources).</summary>
public sealed record AskRequest
{
    public const int MaxQuestionLength = 2_000;

    public required string Index { get; init; }

    public required string Question { get; init; }

    public Guid? ChatModelId { get; init; }

    public int? Sources { get; init; }

    public double? MinRelevance { get; init; }

    public SearchMode Mode { get; init; } = SearchMode.Hybrid;

    public IReadOnlyDictionary<string, List<string>>? Tags { get; init; }

    public IReadOnlyList<Guid>? DocumentIds { get; init; }

    /// <summary>Kernel Memory's filters, as <see cref="SearchRequest.Filters"/>.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, List<string>>>? Filters { get; init; }
}

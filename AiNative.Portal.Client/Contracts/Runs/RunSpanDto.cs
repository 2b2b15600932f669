namespace AiNative.Portal.Client.Contracts.Runs;

/// <summary>
/// One step of a run's trace (<c>retrieve</c> with the embedding of its query, <c>render</c>, the model call named after its model), timed from the run's
/// start; a <c>retrieve</c> step lists the chunks it found in <see cref="Hits"/>, best first, and its query
/// in <see cref="Input"/> (untrusted; absent when the team's privacy keeps no content).
/// </summary>
public sealed record RunSpanDto(
    string Name,
    RunStatusDto Status,
    double StartOffsetMs,
    double DurationMs,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<RetrievedChunkDto>? Hits = null,
    string? Input = null)
{
    public const string Retrieve = "retrieve";
}

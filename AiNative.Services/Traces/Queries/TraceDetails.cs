namespace AiNative.Services.Traces.Queries;

/// <summary>A trace with its observations in the order they started and its scores, oldest first.</summary>
public sealed record TraceDetails(Trace Trace, IReadOnlyList<Observation> Observations, IReadOnlyList<Score> Scores);

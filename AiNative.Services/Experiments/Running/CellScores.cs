using AiNative.Services.Traces;

namespace AiNative.Services.Experiments.Running;

/// <summary>A cell's evaluations as the cell keeps them, and the same as scores for its trace.</summary>
internal sealed record CellScores(List<CellEvaluation> Evaluations, IReadOnlyList<Score> Scores);

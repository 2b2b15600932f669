using AiNative.Services.Evaluation.Statistics;

namespace AiNative.Services.Experiments.Review;

/// <summary>
/// How far an LLM judge of the experiment agrees with people's score of the same cells, compared as pass/fail (see
/// <see cref="ExperimentReviewSummaries"/>): <see cref="Calibration"/> only once <see cref="Pairs"/> reaches
/// <see cref="ExperimentReviewSummaries.MinimumPairs"/>, before which accuracy and kappa say little.
/// </summary>
public sealed record JudgeAgreement(string Judge, string HumanScore, int Pairs, Calibration<string>? Calibration);

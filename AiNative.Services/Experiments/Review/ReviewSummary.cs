namespace AiNative.Services.Experiments.Review;

/// <summary>What people's review of an experiment shows: each score they gave per variant, and each LLM judge's agreement with them.</summary>
public sealed record ReviewSummary(IReadOnlyList<HumanScoreSummary> Scores, IReadOnlyList<JudgeAgreement> Judges);

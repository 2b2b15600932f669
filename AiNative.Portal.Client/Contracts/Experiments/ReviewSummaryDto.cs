namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>
/// Each score people gave the experiment's cells, per variant, and each LLM judge's agreement with them, computed once
/// <see cref="MinimumPairs"/> cells have both scores.
/// </summary>
public sealed record ReviewSummaryDto(IReadOnlyList<HumanScoreSummaryDto> Scores, IReadOnlyList<JudgeAgreementDto> Judges, int MinimumPairs);

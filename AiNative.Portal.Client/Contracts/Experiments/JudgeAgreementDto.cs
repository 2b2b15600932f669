namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>
/// An LLM judge against people's <see cref="HumanScore"/> as pass/fail on the <see cref="Pairs"/> cells both scored:
/// accuracy, Cohen's kappa (null when chance agreement is total) and the confusion matrix (rows people, columns the
/// judge, in <see cref="Labels"/> order); all empty while pairs are fewer than the summary's minimum.
/// </summary>
public sealed record JudgeAgreementDto(
    string Judge, string HumanScore, int Pairs, double? Accuracy, double? Kappa, IReadOnlyList<string> Labels, IReadOnlyList<IReadOnlyList<int>> Matrix);

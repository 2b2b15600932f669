namespace AiNative.Services.Evaluation.Statistics;

/// <summary>
/// How far a judge agrees with people on the items both scored: the share of equal labels, Cohen's kappa (agreement
/// beyond what the two label frequencies give by chance; null when chance agreement is already total, as when both
/// always give the same one label), and the confusion matrix, rows the human's label and columns the judge's, in
/// <see cref="Labels"/> order.
/// </summary>
public sealed record Calibration<T>(int Count, double Accuracy, double? Kappa, IReadOnlyList<T> Labels, IReadOnlyList<IReadOnlyList<int>> Matrix);

namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>
/// One evaluator both sides pinned (at these versions), over the items both scored: the mean of right − left with its 95%
/// paired bootstrap interval, and the right side's wins, ties and losses with the sign test's p-value. Null where no item
/// was scored on both sides.
/// </summary>
public sealed record PairedDifferenceDto(
    string Evaluator,
    int LeftVersion,
    int RightVersion,
    int Pairs,
    double? Mean,
    double? Low,
    double? High,
    int? Wins,
    int? Ties,
    int? Losses,
    double? PValue);

namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>A variant's cells as people scored them: how many, the mean with its 95% bootstrap interval (share of yes for yes/no; none for labels), each label's count.</summary>
public sealed record HumanVariantScoreDto(string Variant, int Count, double? Mean, double? MeanLow, double? MeanHigh, IReadOnlyList<LabelCountDto> Labels);

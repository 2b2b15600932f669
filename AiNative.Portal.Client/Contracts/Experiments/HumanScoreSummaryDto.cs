using AiNative.Portal.Client.Contracts.Traces;

namespace AiNative.Portal.Client.Contracts.Experiments;

/// <summary>One score people gave, per variant in the variants' order.</summary>
public sealed record HumanScoreSummaryDto(string Name, ScoreDataTypeDto DataType, IReadOnlyList<HumanVariantScoreDto> Variants);

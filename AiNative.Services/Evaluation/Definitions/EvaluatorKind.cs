namespace AiNative.Services.Evaluation.Definitions;

/// <summary>The built-in evaluators a definition can be (<see cref="EvaluatorFactory"/> builds each).</summary>
public enum EvaluatorKind
{
    ExactMatch = 1,
    Contains = 2,
    NotContains = 3,
    Regex = 4,
    StartsWith = 5,
    ValidJson = 6,
    JsonSchema = 7,
    JsonFieldEquals = 8,
    NumericTolerance = 9,
    Levenshtein = 10,
    Bleu = 11,
    RougeL = 12,
    EmbeddingSimilarity = 13,
    LatencyUnder = 14,
    CostUnder = 15,
    LengthInRange = 16,
    Judge = 17,
    PairwiseJudge = 18,
    HitRate = 19,
    ReciprocalRank = 20,
    Faithfulness = 21,
}

namespace AiNative.Services.Evaluation.Definitions;

/// <summary>Where a graded evaluator passes when its definition sets no threshold.</summary>
public static class EvaluatorDefaults
{
    public static double Threshold(EvaluatorKind kind) => kind switch
    {
        EvaluatorKind.Levenshtein => 0.8,
        EvaluatorKind.Bleu => 0.3,
        EvaluatorKind.RougeL => 0.5,
        EvaluatorKind.EmbeddingSimilarity => 0.8,
        EvaluatorKind.ReciprocalRank => 0.5,
        EvaluatorKind.Judge or EvaluatorKind.Faithfulness => 4,
        _ => 1,
    };

    /// <summary>The range a threshold of <paramref name="kind"/> lies in: judges score 1 to 5, other graded evaluators 0 to 1.</summary>
    public static (double Min, double Max) ThresholdRange(EvaluatorKind kind) =>
        kind is EvaluatorKind.Judge or EvaluatorKind.Faithfulness ? (Judges.JudgeVerdict.MinScore, Judges.JudgeVerdict.MaxScore) : (0, 1);

    public static bool IsGraded(EvaluatorKind kind) => kind is EvaluatorKind.Levenshtein or EvaluatorKind.Bleu or EvaluatorKind.RougeL
        or EvaluatorKind.EmbeddingSimilarity or EvaluatorKind.ReciprocalRank or EvaluatorKind.Judge or EvaluatorKind.Faithfulness;
}

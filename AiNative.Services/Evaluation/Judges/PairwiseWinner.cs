namespace AiNative.Services.Evaluation.Judges;

public enum PairwiseWinner
{
    First = 1,
    Second = 2,
    Tie = 3,
}

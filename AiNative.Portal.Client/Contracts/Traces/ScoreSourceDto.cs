namespace AiNative.Portal.Client.Contracts.Traces;

public enum ScoreSourceDto
{
    Evaluator = 1,
    Human = 2,
    Api = 3,
}

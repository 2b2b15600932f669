namespace AiNative.Portal.Client.Contracts.Traces;

public enum ScoreDataTypeDto
{
    Numeric = 1,
    Boolean = 2,
    Categorical = 3,
}

namespace AiNative.Services.Traces;

public enum ScoreDataType
{
    /// <summary>A number, within the definition's range when it has one.</summary>
    Numeric = 1,

    /// <summary>Yes or no, stored as 1 or 0.</summary>
    Boolean = 2,

    /// <summary>One of the definition's categories.</summary>
    Categorical = 3,
}

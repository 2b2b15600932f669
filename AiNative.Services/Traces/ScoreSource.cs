namespace AiNative.Services.Traces;

/// <summary>Who gave a score.</summary>
public enum ScoreSource
{
    /// <summary>An evaluator, named with its version.</summary>
    Evaluator = 1,

    /// <summary>A person reviewing in the portal.</summary>
    Human = 2,

    /// <summary>An application, such as its users' feedback.</summary>
    Api = 3,
}

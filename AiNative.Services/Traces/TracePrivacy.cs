namespace AiNative.Services.Traces;

/// <summary>How much of what was sent to and returned by models a team's traces keep.</summary>
public enum TracePrivacy
{
    /// <summary>Inputs, messages and outputs are kept as they were.</summary>
    Full = 1,

    /// <summary>Only their shape is kept: message roles, variable names and lengths; never their text.</summary>
    MetadataOnly = 2,

    /// <summary>Nothing of the content is kept; numbers (tokens, cost, times) and names of steps are.</summary>
    None = 3,
}

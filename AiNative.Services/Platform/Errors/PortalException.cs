namespace AiNative.Services.Platform.Errors;

/// <summary>
/// A failure the caller can act on. The portal turns it into a problem response (HTTP) or a
/// message (pages) with the same status and wording, so every surface says the same thing.
/// </summary>
public abstract class PortalException(string message, Exception? inner = null) : Exception(message, inner)
{
    public abstract int StatusCode { get; }

    public abstract string Title { get; }

    /// <summary>Field name → messages, for input that failed validation.</summary>
    public virtual IReadOnlyDictionary<string, string[]> Errors { get; } = new Dictionary<string, string[]>();
}
